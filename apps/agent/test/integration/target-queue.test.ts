import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentFleet } from '../support/agent-fleet.ts';
import { setUpJobPair, type JobPair } from '../support/job-pair.ts';
import { digestTree, waitForIdenticalTrees } from '../support/trees.ts';
import { waitFor } from '../support/wait-for.ts';

const fleet = new AgentFleet();
afterAll(() => fleet.cleanUp());

let stepCounter = 0;
const stepId = (label: string) => `${label}-${++stepCounter}`;

/** A job mirrored and in sync, with some files in it. */
async function startProtectedPair(): Promise<JobPair> {
  const pair = await setUpJobPair(fleet);
  mkdirSync(join(pair.sourceDir, 'keep'));
  for (let i = 0; i < 20; i++) writeFileSync(join(pair.sourceDir, 'keep', `k${i}.txt`), `keep ${i}`);
  writeFileSync(join(pair.sourceDir, 'edit-me.txt'), 'version 1');
  writeFileSync(join(pair.sourceDir, 'delete-me.txt'), 'doomed');
  await pair.source.client.runStep(stepId('start'), { command: 'start-protection', jobId: pair.jobId });
  await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'initial mirror');
  return pair;
}

/** Changes made while apply is paused: they stop in the target queue. */
function makeQueuedChanges(pair: JobPair): string[] {
  const dir = pair.sourceDir;
  writeFileSync(join(dir, 'edit-me.txt'), 'version 2');
  rmSync(join(dir, 'delete-me.txt'));
  mkdirSync(join(dir, 'new-dir'));
  writeFileSync(join(dir, 'new-dir', 'n1.txt'), 'n1');
  writeFileSync(join(dir, 'n2.txt'), Buffer.alloc(700 * 1024, 3)); // large enough to travel in chunks
  const prefix = dir.slice(1);
  return ['edit-me.txt', 'delete-me.txt', 'new-dir', 'new-dir/n1.txt', 'n2.txt'].map((p) => `${prefix}/${p}`);
}

describe('the durable target queue', () => {
  it('failover with discard loses exactly the ops it reports, and nothing else', async () => {
    const pair = await startProtectedPair();
    const beforeChanges = digestTree(pair.replicaDir);
    await pair.target.client.runStep(stepId('pause'), { command: 'set-apply', jobId: pair.jobId, isPaused: true });
    const changedPaths = makeQueuedChanges(pair);
    await pair.source.client.runStep(stepId('flush'), { command: 'flush-changes', jobId: pair.jobId });

    const queued = await pair.target.client.getQueue(pair.jobId);
    expect(queued.queue.ops).toBeGreaterThan(0);
    expect(queued.queue.isApplyPaused).toBe(true);
    expect(new Set(queued.ops.map((op) => op.path))).toEqual(new Set(changedPaths));

    const report = await pair.target.client.runStep(stepId('failover'), {
      command: 'failover-files',
      jobId: pair.jobId,
      queue: 'discard',
      shares: [{ name: 'data', path: pair.replicaDir }],
    });
    expect(report.queue.action).toBe('discarded');
    if (report.queue.action !== 'discarded') return;
    expect(report.queue.discardedOps).toBe(queued.queue.ops);
    expect(report.queue.ops).toEqual(queued.ops);
    expect(report.queue.discardedBytes).toBe(queued.ops.reduce((sum, op) => sum + op.bytes, 0));
    // The replica is exactly what it was before the discarded changes: nothing else was lost.
    expect(digestTree(pair.replicaDir)).toEqual(beforeChanges);
    expect(report.standIn.name).toBe('web01');
    const info = await pair.target.client.info();
    expect(info.standIns).toEqual([{ jobId: pair.jobId, ...report.standIn }]);
    const job = await pair.target.client.getJob(pair.jobId);
    expect(job.target?.status).toBe('failed-over');
    expect(job.target?.queue.ops).toBe(0);
  });

  it('survives a SIGKILL of the target agent with its queue intact, then applies it', async () => {
    const pair = await startProtectedPair();
    await pair.target.client.runStep(stepId('pause'), { command: 'set-apply', jobId: pair.jobId, isPaused: true });
    makeQueuedChanges(pair);
    await pair.source.client.runStep(stepId('flush'), { command: 'flush-changes', jobId: pair.jobId });
    const before = await pair.target.client.getQueue(pair.jobId);
    expect(before.queue.ops).toBeGreaterThan(0);

    await pair.target.kill('SIGKILL');
    const target = await fleet.restart(pair.target);
    const after = await target.client.getQueue(pair.jobId);
    expect(after.ops).toEqual(before.ops);
    expect(after.queue.bytes).toBe(before.queue.bytes);
    expect(after.queue.isApplyPaused).toBe(true);

    await target.client.runStep(stepId('resume'), { command: 'set-apply', jobId: pair.jobId, isPaused: false });
    await pair.source.client.runStep(stepId('flush'), { command: 'flush-changes', jobId: pair.jobId });
    await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'queue applied after restart');
    const job = await target.client.getJob(pair.jobId);
    expect(job.target?.queue.ops).toBe(0);
    expect(job.target?.dataState.state).toBe('good');
  });

  it('applies the queue on failover with apply, and lists what it applied', async () => {
    const pair = await startProtectedPair();
    await pair.target.client.runStep(stepId('pause'), { command: 'set-apply', jobId: pair.jobId, isPaused: true });
    makeQueuedChanges(pair);
    await pair.source.client.runStep(stepId('flush'), { command: 'flush-changes', jobId: pair.jobId });
    const queued = await pair.target.client.getQueue(pair.jobId);
    const report = await pair.target.client.runStep(stepId('failover'), { command: 'failover-files', jobId: pair.jobId, queue: 'apply' });
    expect(report.queue).toMatchObject({ action: 'applied', appliedOps: queued.queue.ops });
    expect(digestTree(pair.replicaDir)).toEqual(digestTree(pair.sourceDir));
  });
});
