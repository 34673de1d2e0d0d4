import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAgentClient } from '@syncsafe/agent-client';
import type { Job } from '@syncsafe/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_PASSWORD, AGENT_USERNAME, AgentFleet, type RunningAgent } from '../support/agent-fleet.ts';
import { ConsoleDriver } from '../support/console-driver.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { sameTree, treeHashes } from '../support/trees.ts';
import { SnapshotScheduler } from '../../src/services/monitoring/snapshot-scheduler.ts';
import { createAgentDirectoryFor } from '../support/agent-directory.ts';

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

const ADAPTERS = ['Production=127.0.0.1', 'Backup'];
/** The source identity's services: a blocking anti-virus driver fails its stop command at failover. */
const SOURCE_SERVICES = ['IIS', 'AntiVirus:unstoppable', 'Windows Event Log:critical:unstoppable'];
const agentOf = (agent: RunningAgent) => createAgentClient({ address: '127.0.0.1', port: agent.port, username: AGENT_USERNAME, password: AGENT_PASSWORD });

interface Machines {
  source: RunningAgent;
  target: RunningAgent;
  test: RunningAgent;
  ids: { source: string; target: string; test: string };
}

async function machines(testAdapters = ADAPTERS): Promise<Machines> {
  count += 1;
  const [source, target, test] = await Promise.all([
    fleet.start({ name: `web${count}a`, adapters: ADAPTERS, services: SOURCE_SERVICES }),
    fleet.start({ name: `web${count}b`, adapters: ADAPTERS }),
    fleet.start({ name: `web${count}t`, adapters: testAdapters }),
  ]);
  const adapters = ['Production', 'Backup'];
  const ids = {
    source: await driver.addServer(source, { networkAdapters: adapters }),
    target: await driver.addServer(target, { networkAdapters: adapters }),
    test: await driver.addServer(test, { networkAdapters: testAdapters.map((a) => a.split('=')[0]) }),
  };
  return { source, target, test, ids };
}

async function protect(m: Machines, options: Record<string, unknown> = {}): Promise<{ job: Job; volume: string; replica: string }> {
  const volume = join(m.source.disk, 'C');
  mkdirSync(join(volume, 'Windows'), { recursive: true });
  writeFileSync(join(volume, 'Windows/system.dat'), 'system state');
  writeFileSync(join(volume, 'app.cfg'), 'app');
  const replicaRoot = join(m.target.disk, 'replica');
  const job = await driver.createJob({
    name: `Protect ${m.source.name}`,
    type: 'full-server',
    sourceServerId: m.ids.source,
    targetServerId: m.ids.target,
    directories: [volume],
    replicaRoot,
    options: {
      hasReverseProtection: true,
      productionAdapter: 'Production',
      adapterMapping: [{ source: 'Production', target: 'Production' }, { source: 'Backup', target: 'Backup' }],
      testFailover: { testServerId: m.ids.test, keepSnapshotOnUndo: false, replicaPath: join(m.test.disk, 'test-failover') },
      rebootSeconds: 0,
      reverseReplicaRoot: join(m.source.disk, 'reverse-replica'),
      ...options,
    },
  });
  await driver.waitForState(job.id, 'protecting');
  const replica = join(replicaRoot, volume);
  await driver.waitForJob(job.id, () => sameTree(replica, volume), 'replica identical');
  return { job, volume, replica };
}

describe('Full Server', () => {
  it('takes Scheduled snapshots on time, and a Deferred one once the test server is online', { timeout: 120_000 }, async () => {
    const m = await machines();
    const { job } = await protect(m, { snapshotSchedule: { isEnabled: true, intervalMinutes: 1, keep: 1 } });
    let clock = Date.parse(job.createdAt) + 60_000 + 1000;
    const agents = createAgentDirectoryFor(t);
    const scheduler = new SnapshotScheduler(t.db.prisma, t.app.log, (id) => t.app.operations.enqueue(id), () => clock, agents);
    const snapshotsOf = async () => (await driver.admin.request({ url: `/api/jobs/${job.id}/snapshots` })).json().items as { type: string }[];

    const idle = () => driver.waitForJob(job.id, (j) => j.activeOperationId === null, 'the Take Snapshot operation to end');
    /**
     * Ticks until the job lists `count` snapshots: the job may not be able to take one at the first tick
     * (its first heartbeat, the test failover's last writes). It ticks only while the job runs no
     * operation, the job read before its snapshots: a snapshot is recorded before its operation ends, so
     * a finished one is always seen and never taken twice.
     */
    const tickUntil = (count: number) =>
      waitForSnapshots(async () => {
        const isIdle = (await driver.job(job.id)).activeOperationId === null;
        if (isIdle && (await snapshotsOf()).length < count) await scheduler.tick();
        return snapshotsOf();
      }, count);

    const scheduled = await tickUntil(1);
    expect(scheduled.map((s) => s.type)).toEqual(['scheduled']);
    // The snapshot is listed as soon as the target records it; its operation ends a moment later.
    await idle();

    expect((await driver.run(job.id, 'failover', { type: 'test', queue: 'apply' })).status).toBe('succeeded');
    clock += 10 * 60_000;
    const afterTest = await tickUntil(3);
    expect(afterTest.map((s) => s.type).sort()).toEqual(['deferred', 'manual', 'scheduled']);
    await idle();
    expect((await driver.run(job.id, 'undo-failover')).status).toBe('succeeded');
    // Keep 1: the next tick prunes the older of the two scheduled/deferred snapshots. The clock goes back
    // to now, so that tick has nothing due and only prunes.
    clock = Date.now();
    await scheduler.tick();
    const pruned = (await snapshotsOf()).map((s) => s.type);
    expect(pruned).toEqual(['deferred']);
  });

  it('test failover keeps protection running, then Undo deletes the test snapshot as configured', { timeout: 120_000 }, async () => {
    const m = await machines();
    const { job } = await protect(m);
    const test = await driver.run(job.id, 'failover', { type: 'test', queue: 'apply' });
    expect(test.status, test.error ?? '').toBe('succeeded');
    let current = await driver.job(job.id);
    expect(current.state).toBe('test-failed-over');
    expect(current.identities.source.serverId).toBe(m.ids.source);
    const snapshots = (await driver.admin.request({ url: `/api/jobs/${job.id}/snapshots` })).json().items;
    expect(snapshots.some((s: { isTestSnapshot: boolean }) => s.isTestSnapshot)).toBe(true);
    const testInfo = await agentOf(m.test).info();
    expect(testInfo.identity.name).toBe(m.test.name);
    expect(testInfo.networkState).toBe('isolated');

    const undo = await driver.run(job.id, 'undo-failover');
    expect(undo.status, undo.error ?? '').toBe('succeeded');
    current = await driver.job(job.id);
    expect(current.state).toBe('protecting');
    const after = (await driver.admin.request({ url: `/api/jobs/${job.id}/snapshots` })).json().items;
    expect(after.some((s: { isTestSnapshot: boolean }) => s.isTestSnapshot)).toBe(false);
  });

  it('the failover warnings name the source’s services that cannot stop, as its agent reports them; the API never takes them as input', { timeout: 120_000 }, async () => {
    const m = await machines();
    const { job } = await protect(m);
    const source = await waitForServices(m.ids.source, (names) => names.includes('AntiVirus'));
    expect(source.services).toEqual(
      expect.arrayContaining([
        { name: 'AntiVirus', isCritical: false, canStop: false, state: 'running' },
        { name: 'Windows Event Log', isCritical: true, canStop: false, state: 'running' },
        { name: 'IIS', isCritical: false, canStop: true, state: 'running' },
      ]),
    );
    expect(source.servicesLearnedAt).not.toBeNull();
    expect(source).toMatchObject({ identityName: m.source.name, machineId: (await agentOf(m.source).info()).machineId });

    for (const type of ['live', 'snapshot']) {
      const message = await cannotStopWarning(job.id, type);
      expect(message).toContain('Known not to stop on this source: AntiVirus.');
      // Critical services are never stopped, and IIS stops.
      expect(message).not.toContain('Windows Event Log');
      expect(message).not.toContain('IIS');
    }

    // Learned, never set: alone it is no change at all; with another field it is ignored.
    const alone = await driver.admin.request({ method: 'PATCH', url: `/api/servers/${m.ids.source}`, payload: { services: [] } });
    expect(alone.statusCode).toBe(400);
    const edited = await driver.admin.request({ method: 'PATCH', url: `/api/servers/${m.ids.source}`, payload: { name: m.source.name, services: [], servicesLearnedAt: null } });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = (await driver.admin.request({ url: `/api/servers/${m.ids.source}` })).json();
    expect(after.services).toEqual(source.services);
    expect(after.servicesLearnedAt).not.toBeNull();
  });

  it('a test failover fails when the test machine’s adapter names do not match the mapping', { timeout: 120_000 }, async () => {
    const m = await machines(['Production=127.0.0.1']);
    const refused = await driver.admin.request({
      method: 'POST',
      url: '/api/jobs',
      payload: {
        name: 'mismatched', type: 'full-server', sourceServerId: m.ids.source, targetServerId: m.ids.target, directories: [join(m.source.disk, 'C')], replicaRoot: join(m.target.disk, 'r'),
        options: { adapterMapping: [{ source: 'Backup', target: 'Backup' }], testFailover: { testServerId: m.ids.test } },
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ field: 'options.testFailover.testServerId', message: expect.stringContaining('"Backup"') });
  });

  it('going live during a test undoes the test first; live failover → Reverse → Failover → Reverse returns to the original machines', { timeout: 180_000 }, async () => {
    const m = await machines();
    const { job, replica } = await protect(m);
    expect((await driver.run(job.id, 'failover', { type: 'test', queue: 'apply' })).status).toBe('succeeded');
    const live = await driver.run(job.id, 'failover', { type: 'live', queue: 'apply' });
    expect(live.status, live.error ?? '').toBe('succeeded');
    expect(live.steps.map((s) => s.key).slice(0, 1)).toEqual(['undo-undo-failover']);
    let current = await driver.job(job.id);
    expect(current.state).toBe('failed-over');
    expect(current.identities).toMatchObject({ source: { serverId: m.ids.target }, target: null });
    expect((await agentOf(m.target).info()).identity.name).toBe(m.source.name);

    await agentOf(m.source).injectFault({ fault: 'power-on' });
    await driver.waitForJob(job.id, () => true, 'source powered on');
    await waitForOnline(m.ids.source);
    const reverse = await driver.run(job.id, 'reverse');
    expect(reverse.status, reverse.error ?? '').toBe('succeeded');
    expect(reverse.steps.map((s) => s.phase)).toEqual(expect.arrayContaining(['restoring', 'synchronizing', 'rebooting']));
    current = await driver.waitForState(job.id, 'protecting');
    expect(current.isReversed).toBe(true);
    expect(current.identities).toMatchObject({ source: { serverId: m.ids.target }, target: { serverId: m.ids.source } });
    expect((await agentOf(m.source).info()).identity.name).toBe(m.target.name);
    // The console learned the identities' services when they moved: the original target machine now
    // answers as the source, with the source's services, and the failover warnings follow it.
    const originalTarget = await waitForServices(m.ids.target, (names) => names.includes('AntiVirus'));
    expect(originalTarget.identityName).toBe(m.source.name);
    await waitForServices(m.ids.source, (names) => !names.includes('AntiVirus'));
    expect(await cannotStopWarning(job.id, 'live')).toContain('Known not to stop on this source: AntiVirus.');

    // Protection now runs from the original target machine to the original source machine.
    writeFileSync(join(replica, 'written-after-reverse.txt'), 'reversed');
    const reversedReplica = join(m.source.disk, 'reverse-replica', replica);
    await driver.waitForJob(job.id, () => sameTree(replica, reversedReplica), 'reversed replication');

    const back = await driver.run(job.id, 'failover', { type: 'live', queue: 'apply' });
    expect(back.status, back.error ?? '').toBe('succeeded');
    expect((await driver.job(job.id)).identities).toMatchObject({ source: { serverId: m.ids.source }, target: null });
    await agentOf(m.target).injectFault({ fault: 'power-on' });
    await waitForOnline(m.ids.target);
    const reverseBack = await driver.run(job.id, 'reverse');
    expect(reverseBack.status, reverseBack.error ?? '').toBe('succeeded');
    current = await driver.waitForState(job.id, 'protecting');
    expect(current.isReversed).toBe(false);
    expect(current.identities).toMatchObject({ source: { serverId: m.ids.source }, target: { serverId: m.ids.target } });
    expect((await agentOf(m.source).info()).identity.name).toBe(m.source.name);
    expect((await agentOf(m.target).info()).identity.name).toBe(m.target.name);
  });

  it('snapshot failover: Apply, and Revert to last good snapshot when the target data state is bad', { timeout: 120_000 }, async () => {
    const m = await machines();
    const { job, volume } = await protect(m);
    const snap = await driver.run(job.id, 'snapshots');
    expect(snap.status, snap.error ?? '').toBe('succeeded');
    const [snapshot] = (await driver.admin.request({ url: `/api/jobs/${job.id}/snapshots` })).json().items;
    expect(snapshot).toMatchObject({ type: 'manual', isGood: true });

    writeFileSync(join(volume, 'after-snapshot.txt'), 'later');
    await agentOf(m.target).injectFault({ fault: 'mark-target-bad', jobId: job.id });
    // Why it is bad reaches the Job too: the reason with the agent's event, the detail with its next heartbeat.
    const bad = await driver.waitForJob(job.id, (j) => j.targetDataState === 'bad' && j.targetDataStateDetail !== null, 'target data state bad, and why');
    expect(bad).toMatchObject({ targetDataStateReason: 'marked-bad', targetDataStateDetail: 'marked bad by fault injection' });
    const actions = (await driver.admin.request({ url: `/api/jobs/${job.id}/actions` })).json();
    const revert = actions.failover.queue.find((q: { choice: string }) => q.choice === 'revert-if-bad');
    expect(revert.allowed).toBe(true);

    const failover = await driver.run(job.id, 'failover', { type: 'live', queue: 'revert-if-bad' });
    expect(failover.status, failover.error ?? '').toBe('succeeded');
    const report = (failover.result as Record<string, { queue?: { action: string; snapshot?: { snapshotId: string } } }>)['failover-full-server'];
    expect(report?.queue?.action).toBe('reverted');
    expect((await driver.job(job.id)).state).toBe('failed-over');
  });

  it.each(['apply', 'discard', 'revert-if-bad'] as const)('failover to a chosen snapshot, with %s', { timeout: 120_000 }, async (queue) => {
    const m = await machines();
    const { job, volume, replica } = await protect(m);
    expect((await driver.run(job.id, 'snapshots')).status).toBe('succeeded');
    const [snapshot] = (await driver.admin.request({ url: `/api/jobs/${job.id}/snapshots` })).json().items;
    writeFileSync(join(volume, 'after-snapshot.txt'), 'newer than the snapshot');
    await driver.waitForJob(job.id, () => sameTree(replica, volume), 'newer data replicated');
    const failover = await driver.run(job.id, 'failover', { type: 'snapshot', queue, snapshotId: snapshot.id });
    expect(failover.status, failover.error ?? '').toBe('succeeded');
    const current = await driver.job(job.id);
    expect(current.state).toBe('failed-over');
    expect(current.identities).toMatchObject({ source: { serverId: m.ids.target }, target: null });
    // The target's data was reverted to the snapshot: what came after it is gone.
    expect(treeHashes(replica)['after-snapshot.txt']).toBeUndefined();
    expect(treeHashes(replica)['app.cfg']).toBeDefined();
  });

  it('manual reversal: without reverse protection Reverse is refused; the failed-over target takes no new job until the old job is deleted', { timeout: 120_000 }, async () => {
    const m = await machines();
    const { job } = await protect(m, { hasReverseProtection: false });
    const actions = (await driver.admin.request({ url: `/api/jobs/${job.id}/actions` })).json();
    const live = actions.failover.types.find((o: { type: string }) => o.type === 'live');
    expect(live.warnings.map((w: { code: string }) => w.code)).toContain('license-loss');
    expect((await driver.run(job.id, 'failover', { type: 'live', queue: 'apply' })).status).toBe('succeeded');
    const reverse = await driver.command(job.id, 'reverse');
    expect(reverse.statusCode).toBe(409);

    const newJob = { name: 'New protection', type: 'full-server', sourceServerId: m.ids.test, targetServerId: m.ids.target, directories: [join(m.test.disk, 'C')], replicaRoot: join(m.target.disk, 'new') };
    const refused = await driver.admin.request({ method: 'POST', url: '/api/jobs', payload: newJob });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain(job.name);
    expect((await driver.admin.request({ method: 'DELETE', url: `/api/jobs/${job.id}` })).statusCode).toBe(204);
    const created = await driver.admin.request({ method: 'POST', url: '/api/jobs', payload: newJob });
    expect(created.statusCode, created.body).toBe(201);
  });
});

async function waitForOnline(serverId: string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const server = (await driver.admin.request({ url: `/api/servers/${serverId}` })).json();
    if (server.status === 'online') return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server ${serverId} did not come online`);
}

/** Waits until the console has learned services of the server that satisfy `until` (by name); returns the server. */
async function waitForServices(serverId: string, until: (names: string[]) => boolean) {
  const deadline = Date.now() + 30_000;
  let names: string[] = [];
  while (Date.now() < deadline) {
    const server = (await driver.admin.request({ url: `/api/servers/${serverId}` })).json();
    names = server.services.map((s: { name: string }) => s.name);
    if (server.servicesLearnedAt !== null && until(names)) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server ${serverId}: services not learned as expected; last: ${names.join(', ')}`);
}

/** The Failover dialog's warning about services that cannot stop, for a failover type. */
async function cannotStopWarning(jobId: string, type: string): Promise<string> {
  const actions = (await driver.admin.request({ url: `/api/jobs/${jobId}/actions` })).json();
  const option = actions.failover.types.find((o: { type: string }) => o.type === type);
  return option.warnings.find((w: { code: string }) => w.code === 'services-cannot-stop').message;
}

async function waitForSnapshots<T>(read: () => Promise<T[]>, count: number): Promise<T[]> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const items = await read();
    if (items.length >= count) return items;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`fewer than ${count} snapshots`);
}
