import { AgentFleet, type RunningAgent } from './agent-fleet.ts';
import { ConsoleDriver } from './console-driver.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** A console watching its agents (monitoring on), with a source and a target agent added as servers. */
export interface ConsoleWithPair {
  t: TestApp;
  fleet: AgentFleet;
  driver: ConsoleDriver;
  source: RunningAgent;
  target: RunningAgent;
  sourceId: string;
  targetId: string;
  close(): Promise<void>;
}

/** A console watching its agents (monitoring on), signed in as an admin, and an empty fleet of agents. */
export async function startMonitoredConsole(): Promise<Pick<ConsoleWithPair, 't' | 'fleet' | 'driver' | 'close'>> {
  const fleet = new AgentFleet();
  const t = await createTestApp({}, { isMonitoring: true });
  const driver = new ConsoleDriver(t, await t.callerWithRole('admin'));
  return {
    t,
    fleet,
    driver,
    async close() {
      await t.close();
      await fleet.cleanUp();
    },
  };
}

export async function startConsoleWithPair(names: { source: string; target: string }): Promise<ConsoleWithPair> {
  const { t, fleet, driver, close } = await startMonitoredConsole();
  const [source, target] = await Promise.all([fleet.start({ name: names.source }), fleet.start({ name: names.target })]);
  const sourceId = await driver.addServer(source);
  const targetId = await driver.addServer(target);
  return {
    t,
    fleet,
    driver,
    source,
    target,
    sourceId,
    targetId,
    close,
  };
}
