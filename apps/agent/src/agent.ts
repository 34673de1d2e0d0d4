import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { provisionAccount } from './account/local-account.ts';
import type { AgentConfig } from './config/agent-config.ts';
import { EventBus } from './events/event-bus.ts';
import { HeartbeatHub } from './events/heartbeat-hub.ts';
import { JobRegistry } from './jobs/job-registry.ts';
import { provisionMachine } from './machine/provision-machine.ts';
import { ChannelRegistry } from './replication/channel-registry.ts';
import type { AgentServices } from './server/agent-services.ts';
import { buildServer } from './server/build-server.ts';
import { KeyLock } from './steps/key-lock.ts';
import { StepJournal } from './steps/step-journal.ts';
import { DataDir } from './storage/data-dir.ts';

export const AGENT_VERSION = '0.1.0';

export interface RunningAgent {
  port: number;
  services: AgentServices;
  /** Set when no password was configured: shown once so an operator can add the server. */
  generatedPassword: string | null;
  close(): Promise<void>;
}

/** The secret that signs channel tokens; made once per data directory. */
function loadSecret(file: string): Buffer {
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const secret = randomBytes(32);
    writeFileSync(file, secret.toString('base64url'), { mode: 0o600 });
    return secret;
  }
}

/** Wires the agent together from its config and data directory, and starts listening. */
export async function startAgent(config: AgentConfig): Promise<RunningAgent> {
  const dataDir = new DataDir(config.dataDir);
  dataDir.ensure();
  const { account, generatedPassword } = await provisionAccount(dataDir.accountFile(), { username: config.username, password: config.password });
  const machine = provisionMachine(dataDir.machineFile(), config);
  const bus = new EventBus();
  const channels = new ChannelRegistry(loadSecret(dataDir.secretFile()));
  const jobs = new JobRegistry({ dataDir, bus, machine, channels });
  const steps = new StepJournal(dataDir.stepsDir(), bus);
  steps.recover();
  const services: AgentServices = {
    config,
    dataDir,
    account,
    machine,
    bus,
    channels,
    jobs,
    steps,
    stepLock: new KeyLock(),
    startedAt: Date.now(),
    agentVersion: AGENT_VERSION,
  };
  const hub = new HeartbeatHub(machine, jobs, bus, config.heartbeatMs);
  const app: FastifyInstance = await buildServer(services, hub);
  await jobs.load();
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as AddressInfo).port;
  return {
    port,
    services,
    generatedPassword,
    close: async () => {
      hub.close();
      await jobs.close();
      await app.close();
    },
  };
}
