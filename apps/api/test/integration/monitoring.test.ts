import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAgentClient } from '@syncsafe/agent-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_PASSWORD, AGENT_USERNAME, AgentFleet, type RunningAgent } from '../support/agent-fleet.ts';
import { ConsoleDriver } from '../support/console-driver.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let fleet: AgentFleet;
let driver: ConsoleDriver;
let count = 0;

beforeAll(async () => {
  fleet = new AgentFleet();
  t = await createTestApp({}, { isMonitoring: true });
  driver = new ConsoleDriver(t, await t.callerWithRole('admin'));
});
afterAll(async () => {
  await t?.close();
  await fleet?.cleanUp();
});

const agentOf = (agent: RunningAgent) => createAgentClient({ address: '127.0.0.1', port: agent.port, username: AGENT_USERNAME, password: AGENT_PASSWORD });

/** `missedHeartbeats` × 1 s is the failover window; tests not about monitoring use a wide one, so a busy machine cannot trip it. */
async function protectedPair(waitForUser: boolean, missedHeartbeats = 3) {
  count += 1;
  const [source, target] = await Promise.all([fleet.start({ name: `mon${count}a` }), fleet.start({ name: `mon${count}b` })]);
  const data = join(source.disk, 'data');
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'f.txt'), 'x');
  const job = await driver.createJob({
    name: `Monitored ${count}`,
    type: 'files-and-folders',
    sourceServerId: await driver.addServer(source),
    targetServerId: await driver.addServer(target),
    directories: [data],
    replicaRoot: join(target.disk, 'replica'),
    options: { waitForUser, monitoring: { isEnabled: true, missedHeartbeats, heartbeatIntervalSeconds: 1 } },
  });
  await driver.waitForState(job.id, 'protecting');
  return { job, source, target };
}

describe('failover monitoring', () => {
  it('wait for user: the condition is met, every console is notified, and an operator fails over', { timeout: 120_000 }, async () => {
    const { job, source } = await protectedPair(true);
    const notified = new Promise<string>((resolve) => {
      const stop = t.app.events.subscribe((e) => {
        if (e.type === 'notification.updated' && e.data.jobId === job.id) {
          stop();
          resolve(e.data.message);
        }
      });
    });
    await agentOf(source).injectFault({ fault: 'power-off' });
    const met = await driver.waitForState(job.id, 'failover-condition-met');
    expect(met.conditionMetAt).not.toBeNull();
    expect(await notified).toMatch(/Failover condition met/);
    const open = (await driver.admin.request({ url: '/api/notifications?open=true' })).json().items;
    const note = open.find((n: { jobId: string }) => n.jobId === job.id);
    expect(note.kind).toBe('failover-condition-met');

    const failover = await driver.run(job.id, 'failover', { type: 'live', queue: 'apply' });
    expect(failover.status, failover.error ?? '').toBe('succeeded');
    expect(failover.steps.find((s) => s.key === 'stop-source-protection')?.status).toBe('skipped');
    expect((await driver.job(job.id)).state).toBe('failed-over');
    const ack = await driver.admin.request({ method: 'POST', url: `/api/notifications/${note.id}/acknowledge` });
    expect(ack.json()).toMatchObject({ acknowledgedByName: expect.any(String) });
  });

  it('without wait for user: the console fails over on its own when the source misses its heartbeats', { timeout: 120_000 }, async () => {
    const { job, source } = await protectedPair(false);
    await agentOf(source).injectFault({ fault: 'network-disconnect' });
    const current = await driver.waitForState(job.id, 'failed-over', 60_000);
    expect(current.identities.source.serverId).toBe(current.target.id);
    const [operation] = (await driver.admin.request({ url: `/api/jobs/${job.id}/operations` })).json().items;
    expect(operation).toMatchObject({ kind: 'failover', actorName: 'system', input: { command: 'failover', type: 'live', queue: 'apply' } });
    // Recorded once, with its real trigger: the failover condition, not an operator's command.
    const history = (await driver.admin.request({ url: `/api/jobs/${job.id}/history` })).json().items;
    const started = history.filter((t: { operationId: string | null; toState: string }) => t.operationId === operation.id && t.toState === 'failing-over');
    expect(started).toEqual([expect.objectContaining({ trigger: 'condition-met', fromState: 'protecting', actorName: 'system', isValid: true })]);
  });

  it('the condition clears when heartbeats come back, and the job returns to Protecting', { timeout: 120_000 }, async () => {
    const { job, source } = await protectedPair(true);
    await agentOf(source).injectFault({ fault: 'network-disconnect' });
    await driver.waitForState(job.id, 'failover-condition-met');
    await agentOf(source).injectFault({ fault: 'network-reconnect' });
    await driver.waitForState(job.id, 'protecting');
  });
});

describe('concurrent commands', () => {
  it('of 50 conflicting commands fired at once, exactly one is accepted and the others get 409 with the reason', { timeout: 120_000 }, async () => {
    const { job } = await protectedPair(true, 60);
    const commands = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0 ? driver.command(job.id, 'failover', { type: 'live', queue: 'apply' }) : driver.command(job.id, 'stop'),
    );
    const results = await Promise.all(commands);
    const accepted = results.filter((r) => r.statusCode === 202);
    const refused = results.filter((r) => r.statusCode === 409);
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(49);
    expect(refused[0]!.json().error.message).toMatch(/operation|Failing over|Stopping/i);
    await driver.finished(accepted[0]!.json().id);
    const operations = (await driver.admin.request({ url: `/api/jobs/${job.id}/operations` })).json().items;
    expect(operations.filter((o: { kind: string }) => o.kind !== 'start')).toHaveLength(1);
  });

  it('an Idempotency-Key repeat returns the first operation; a stale expectedVersion gets 409', { timeout: 60_000 }, async () => {
    const { job } = await protectedPair(true, 60);
    const current = await driver.job(job.id);
    const stale = await driver.command(job.id, 'stop', { expectedVersion: current.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(current.version);
    const first = await driver.command(job.id, 'stop', { expectedVersion: current.version }, { 'idempotency-key': 'stop-once' });
    const again = await driver.command(job.id, 'stop', { expectedVersion: current.version }, { 'idempotency-key': 'stop-once' });
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.json().id).toBe(first.json().id);
  });
});
