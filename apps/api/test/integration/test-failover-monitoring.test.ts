import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAgentClient } from '@syncsafe/agent-client';
import type { Job, StreamEvent } from '@syncsafe/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_PASSWORD, AGENT_USERNAME, type AgentFleet, type RunningAgent } from '../support/agent-fleet.ts';
import type { ConsoleDriver } from '../support/console-driver.ts';
import { startMonitoredConsole } from '../support/agent-pair.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let fleet: AgentFleet;
let driver: ConsoleDriver;
let count = 0;

let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ t, fleet, driver, close } = await startMonitoredConsole());
});
afterAll(() => close?.());

const ADAPTERS = ['Production=127.0.0.1', 'Backup'];
const agentOf = (agent: RunningAgent) => createAgentClient({ address: '127.0.0.1', port: agent.port, username: AGENT_USERNAME, password: AGENT_PASSWORD });

/** A Full Server job whose source misses its heartbeats after 3 × 1 s, in Test failed over. */
async function testFailedOver(waitForUser: boolean): Promise<{ job: Job; source: RunningAgent; sourceId: string }> {
  count += 1;
  const [source, target, test] = await Promise.all([
    fleet.start({ name: `dr${count}a`, adapters: ADAPTERS }),
    fleet.start({ name: `dr${count}b`, adapters: ADAPTERS }),
    fleet.start({ name: `dr${count}t`, adapters: ADAPTERS }),
  ]);
  const networkAdapters = ['Production', 'Backup'];
  const [sourceId, targetId, testId] = [
    await driver.addServer(source, { networkAdapters }),
    await driver.addServer(target, { networkAdapters }),
    await driver.addServer(test, { networkAdapters }),
  ];
  const volume = join(source.disk, 'C');
  mkdirSync(join(volume, 'Windows'), { recursive: true });
  writeFileSync(join(volume, 'Windows/system.dat'), 'system state');
  const job = await driver.createJob({
    name: `DR test ${count}`,
    type: 'full-server',
    sourceServerId: sourceId,
    targetServerId: targetId,
    directories: [volume],
    replicaRoot: join(target.disk, 'replica'),
    options: {
      waitForUser,
      monitoring: { isEnabled: true, missedHeartbeats: 3, heartbeatIntervalSeconds: 1 },
      adapterMapping: [{ source: 'Production', target: 'Production' }, { source: 'Backup', target: 'Backup' }],
      testFailover: { testServerId: testId, keepSnapshotOnUndo: false, replicaPath: join(test.disk, 'test-failover') },
      rebootSeconds: 0,
    },
  });
  await driver.waitForState(job.id, 'protecting');
  const started = await driver.run(job.id, 'failover', { type: 'test', queue: 'apply' });
  expect(started.status, started.error ?? '').toBe('succeeded');
  expect((await driver.job(job.id)).state).toBe('test-failed-over');
  return { job, source, sourceId };
}

/** Resolves with the first stream event `matches` accepts from now on. */
function nextEvent(matches: (e: StreamEvent) => boolean): Promise<StreamEvent> {
  return new Promise((resolve) => {
    const stop = t.app.events.subscribe((e) => {
      if (!matches(e)) return;
      stop();
      resolve(e);
    });
  });
}

describe('failover monitoring during a Full Server test failover', () => {
  it('wait for user: a source outage notifies once while it lasts, and the test keeps running', { timeout: 180_000 }, async () => {
    const { job, source, sourceId } = await testFailedOver(true);
    const notes: string[] = [];
    const stopCounting = t.app.events.subscribe((e) => {
      if (e.type === 'notification.updated' && e.data.jobId === job.id) notes.push(e.data.message);
    });
    const offline = nextEvent((e) => e.type === 'server.health' && e.data.id === sourceId && e.data.status === 'offline');

    await agentOf(source).injectFault({ fault: 'power-off' });
    const met = await driver.waitForJob(job.id, (j) => j.conditionMetAt !== null, 'condition met');
    expect(met.state).toBe('test-failed-over');
    const open = (await driver.admin.request({ url: '/api/notifications?open=true' })).json().items;
    expect(open.filter((n: { jobId: string }) => n.jobId === job.id)).toEqual([expect.objectContaining({ kind: 'failover-condition-met', message: expect.stringMatching(/Failover condition met/) })]);

    // The source is marked offline 10 s after its last heartbeat, 7 s (and as many monitor checks) after the 3 s window.
    await offline;
    stopCounting();
    expect(notes).toHaveLength(1);
    const later = await driver.job(job.id);
    expect(later).toMatchObject({ state: 'test-failed-over', conditionMetAt: met.conditionMetAt });
    expect((await driver.admin.request({ url: '/api/notifications?open=true' })).json().items.filter((n: { jobId: string }) => n.jobId === job.id)).toHaveLength(1);

    // Heartbeats back: the condition clears and the test goes on.
    await agentOf(source).injectFault({ fault: 'power-on' });
    const cleared = await driver.waitForJob(job.id, (j) => j.conditionMetAt === null, 'condition cleared');
    expect(cleared.state).toBe('test-failed-over');
  });

  it('automatic failover: a source outage starts the live failover, which undoes the test first', { timeout: 180_000 }, async () => {
    const { job, source } = await testFailedOver(false);
    const failingOver = nextEvent((e) => e.type === 'job.updated' && e.data.id === job.id && e.data.state === 'failing-over');
    await agentOf(source).injectFault({ fault: 'power-off' });
    await failingOver;
    const operations = (await driver.admin.request({ url: `/api/jobs/${job.id}/operations` })).json().items;
    const failover = operations.find((o: { kind: string }) => o.kind === 'failover');
    expect(failover).toMatchObject({ actorName: 'system', input: { command: 'failover', type: 'live', queue: 'apply' } });
    const history = (await driver.admin.request({ url: `/api/jobs/${job.id}/history` })).json().items;
    expect(history.find((t: { operationId: string | null }) => t.operationId === failover.id)).toMatchObject({ trigger: 'condition-met', fromState: 'test-failed-over', toState: 'failing-over' });
    const finished = await driver.finished(failover.id);
    expect(finished.status, finished.error ?? '').toBe('succeeded');
    expect(finished.steps[0]?.key).toBe('undo-undo-failover');
    expect((await driver.job(job.id)).state).toBe('failed-over');
  });
});
