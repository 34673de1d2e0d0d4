import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createAgentClient } from '@syncsafe/agent-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_PASSWORD, AGENT_USERNAME, type RunningAgent } from '../support/agent-fleet.ts';
import type { ConsoleDriver } from '../support/console-driver.ts';
import { startConsoleWithPair, type ConsoleWithPair } from '../support/agent-pair.ts';
import { sameTree, treeHashes } from '../support/trees.ts';

let pair: ConsoleWithPair;
let driver: ConsoleDriver;
let source: RunningAgent;
let target: RunningAgent;
let sourceId: string;
let targetId: string;
let jobCount = 0;

beforeAll(async () => {
  pair = await startConsoleWithPair({ source: 'files01', target: 'files02' });
  ({ driver, source, target, sourceId, targetId } = pair);
});
afterAll(() => pair?.close());

const agentOf = (agent: RunningAgent) => createAgentClient({ address: '127.0.0.1', port: agent.port, username: AGENT_USERNAME, password: AGENT_PASSWORD });

/** A protected folder with a few files, replicated and Protecting. */
async function protectedFolder() {
  jobCount += 1;
  const data = join(source.disk, `data${jobCount}`);
  mkdirSync(join(data, 'a/b/c'), { recursive: true });
  writeFileSync(join(data, 'a/b/c/deep.txt'), 'deep');
  writeFileSync(join(data, 'top.txt'), 'top');
  const replicaRoot = join(target.disk, `replica${jobCount}`);
  const job = await driver.createJob({ name: `Protect files01 #${jobCount}`, type: 'files-and-folders', sourceServerId: sourceId, targetServerId: targetId, directories: [data], replicaRoot });
  expect(job.state).toBe('starting');
  await driver.waitForState(job.id, 'protecting');
  const replica = join(replicaRoot, data);
  await driver.waitForJob(job.id, () => sameTree(replica, data), 'replica identical');
  return { job, data, replica };
}

describe('Files and Folders', () => {
  it('Restore then Failback: failover with Apply, restore to the source, failback, start again', { timeout: 120_000 }, async () => {
    const { job, data, replica } = await protectedFolder();
    mkdirSync(join(data, 'x/y/z'), { recursive: true });
    writeFileSync(join(data, 'x/y/z/right-after-mkdir.txt'), 'written at once');
    await driver.waitForJob(job.id, () => sameTree(replica, data), 'change replicated');
    // The agents' own words reach the Job: Target Status, Mirror Status, and what the source sent.
    const reported = await driver.waitForJob(
      job.id,
      (j) => j.targetStatus === 'replicating' && j.mirrorStatus === 'completed' && j.transmit.sentBytes > 0 && j.transmit.sentOps > 0,
      'target status, mirror status and sent bytes reported',
    );
    expect(reported.transmit.lastError).toBeNull();
    expect(reported).toMatchObject({ targetDataState: 'good', targetDataStateReason: null, targetDataStateDetail: null });

    const failover = await driver.run(job.id, 'failover', { type: 'live', queue: 'apply' });
    expect(failover.status, failover.error ?? '').toBe('succeeded');
    await driver.waitForJob(job.id, (j) => j.targetStatus === 'failed-over', 'target status failed-over');
    let current = await driver.job(job.id);
    expect(current.state).toBe('failed-over');
    expect(current.identities.source.serverId).toBe(targetId);

    writeFileSync(join(replica, 'made-on-target.txt'), 'users kept working on the target');
    const restore = await driver.run(job.id, 'restore', { restoreData: true });
    expect(restore.status, restore.error ?? '').toBe('succeeded');
    expect((await driver.job(job.id)).state).toBe('restored');
    expect(readFileSync(join(data, 'made-on-target.txt'), 'utf8')).toBe('users kept working on the target');
    expect(treeHashes(data)).toEqual(treeHashes(replica));

    const failback = await driver.run(job.id, 'failback');
    expect(failback.status, failback.error ?? '').toBe('succeeded');
    current = await driver.job(job.id);
    expect(current.state).toBe('stopped');
    expect(current.identities.source.serverId).toBe(sourceId);

    const start = await driver.run(job.id, 'start');
    expect(start.status, start.error ?? '').toBe('succeeded');
    await driver.waitForState(job.id, 'protecting');
    writeFileSync(join(data, 'after-start.txt'), 'protected again');
    await driver.waitForJob(job.id, () => sameTree(replica, data), 'protection resumed');
  });

  it('Failover with Discard loses exactly the ops it reports, and nothing else', { timeout: 120_000 }, async () => {
    const { job, data, replica } = await protectedFolder();
    await agentOf(target).injectFault({ fault: 'pause-apply', jobId: job.id });
    writeFileSync(join(data, 'queued-1.txt'), 'one');
    writeFileSync(join(data, 'queued-2.txt'), 'two');
    await driver.waitForJob(job.id, (j) => j.queue.ops >= 2, 'two ops queued on the target');

    const actions = (await driver.admin.request({ url: `/api/jobs/${job.id}/actions` })).json();
    const discard = actions.failover.queue.find((q: { choice: string }) => q.choice === 'discard');
    expect(discard.losesOps).toBeGreaterThanOrEqual(2);

    const failover = await driver.run(job.id, 'failover', { type: 'live', queue: 'discard' });
    expect(failover.status, failover.error ?? '').toBe('succeeded');
    const report = (failover.result as Record<string, { discardedOps: number; ops: { path: string }[] }>)['discard-target-queue']!;
    const dropped = report.ops.map((o) => o.path).sort();
    expect(report.discardedOps).toBe(dropped.length);
    expect(dropped.some((p) => p.endsWith('queued-1.txt'))).toBe(true);
    // The replica is the source minus exactly what was reported dropped.
    const expected = Object.fromEntries(Object.entries(treeHashes(data)).filter(([path]) => !dropped.some((d) => d.endsWith(path))));
    expect(treeHashes(replica)).toEqual(expected);
    const deleted = await driver.admin.request({ method: 'DELETE', url: `/api/jobs/${job.id}` });
    expect(deleted.statusCode).toBe(204);
  });

  it('Failback then Restore: failback first, then restore the target’s changes; the job ends stopped', { timeout: 120_000 }, async () => {
    const { job, data, replica } = await protectedFolder();
    expect((await driver.run(job.id, 'failover', { type: 'live', queue: 'apply' })).status).toBe('succeeded');
    writeFileSync(join(replica, 'during-failover.txt'), 'changed on the target');
    expect((await driver.run(job.id, 'failback')).status).toBe('succeeded');
    expect((await driver.job(job.id)).state).toBe('failed-back');

    const readiness = async (query = '') => driver.admin.request({ url: `/api/jobs/${job.id}/restore-readiness${query}` });
    const held = openSync(join(data, 'top.txt'), 'r');
    // The Restore checklist's live check names the open file before anyone clicks Restore.
    const before = (await readiness()).json();
    expect(before).toMatchObject({ destination: { serverId: sourceId, name: 'files01' }, isReachable: true, problem: null, openFiles: [join(data, 'top.txt')] });
    const refused = await driver.run(job.id, 'restore', { restoreData: true });
    closeSync(held);
    expect((await readiness(`?serverId=${sourceId}`)).json()).toMatchObject({ isReachable: true, openFiles: [] });
    const atTarget = await readiness(`?serverId=${targetId}`);
    expect(atTarget.statusCode).toBe(400);
    expect(atTarget.json().error.message).toMatch(/^serverId: .*target \(files02\)/);
    const unknown = await readiness('?serverId=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('serverId');
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatch(/top\.txt/);
    expect((await driver.job(job.id)).state).toBe('error');

    const restore = await driver.run(job.id, 'restore', { restoreData: true });
    expect(restore.status, restore.error ?? '').toBe('succeeded');
    expect((await driver.job(job.id)).state).toBe('stopped');
    expect(readFileSync(join(data, 'during-failover.txt'), 'utf8')).toBe('changed on the target');
  });

  it('Failback then Do Not Restore Data: the target’s changes are lost and the job ends stopped', { timeout: 120_000 }, async () => {
    const { job, data, replica } = await protectedFolder();
    expect((await driver.run(job.id, 'failover', { type: 'live', queue: 'apply' })).status).toBe('succeeded');
    writeFileSync(join(replica, 'lost.txt'), 'never restored');
    expect((await driver.run(job.id, 'failback')).status).toBe('succeeded');
    const skip = await driver.run(job.id, 'restore', { restoreData: false });
    expect(skip.status, skip.error ?? '').toBe('succeeded');
    expect(skip.steps).toHaveLength(0);
    expect((await driver.job(job.id)).state).toBe('stopped');
    expect(existsSync(join(data, 'lost.txt'))).toBe(false);
  });

  it('refuses an illegal command with 409 naming the state and what is allowed, and records it', async () => {
    const { job } = await protectedFolder();
    const res = await driver.command(job.id, 'failback');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { state: 'protecting', allowedCommands: expect.arrayContaining(['failover', 'stop']) } });
    const history = (await driver.admin.request({ url: `/api/jobs/${job.id}/history` })).json();
    expect(history.items[0]).toMatchObject({ trigger: 'failback', isValid: false });
    // An edit of some options keeps the others as they were.
    const before = await driver.job(job.id);
    const edited = await driver.admin.request({ method: 'PATCH', url: `/api/jobs/${job.id}`, payload: { options: { monitoring: { missedHeartbeats: 9 } }, expectedVersion: before.version } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().options).toEqual({ ...before.options, monitoring: { ...before.options.monitoring, missedHeartbeats: 9 } });
    const test = await driver.command(job.id, 'failover', { type: 'test', queue: 'apply' });
    expect(test.statusCode).toBe(400);
    expect(test.json().error.details[0].field).toBe('type');
  });
});
