import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentStepFailedError } from '@syncsafe/agent-client';
import { AgentFleet } from '../support/agent-fleet.ts';
import { setUpJobPair, type JobPair } from '../support/job-pair.ts';
import { digestTree, waitForIdenticalTrees } from '../support/trees.ts';
import { waitFor } from '../support/wait-for.ts';

const fleet = new AgentFleet();
afterAll(() => fleet.cleanUp());

/**
 * Each test has its own two agents and job (here mirrored with 100 files) and names its steps `<test>-<step>`:
 * no test reads a step id, snapshot or job state another left behind.
 */
async function protectedPair(test: string): Promise<JobPair> {
  const pair = await setUpJobPair(fleet);
  mkdirSync(join(pair.sourceDir, 'data'));
  for (let i = 0; i < 100; i++) writeFileSync(join(pair.sourceDir, 'data', `f${i}.txt`), `original ${i}\n`.repeat(50));
  await pair.source.client.runStep(`${test}-start`, { command: 'start-protection', jobId: pair.jobId });
  await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'initial mirror');
  return pair;
}

describe('steps are idempotent by step id', () => {
  it('returns the first result for a repeated step id, also after the agent restarts', async () => {
    const pair = await protectedPair('repeat');
    const first = await pair.target.client.runStep('repeat-snap-once', { command: 'take-snapshot', jobId: pair.jobId, type: 'manual' });
    const again = await pair.target.client.runStep('repeat-snap-once', { command: 'take-snapshot', jobId: pair.jobId, type: 'manual' });
    expect(again).toEqual(first);

    await pair.target.kill('SIGKILL');
    pair.target = await fleet.restart(pair.target);
    const afterRestart = await pair.target.client.runStep('repeat-snap-once', { command: 'take-snapshot', jobId: pair.jobId, type: 'manual' });
    expect(afterRestart).toEqual(first);
    expect((await pair.target.client.listSnapshots(pair.jobId)).map((s) => s.snapshotId)).toEqual([first.snapshotId]);
  });

  it('refuses a step id reused for a different command with 409', async () => {
    const pair = await setUpJobPair(fleet);
    await pair.target.client.runStep('reuse-snap', { command: 'take-snapshot', jobId: pair.jobId, type: 'manual' });
    await expect(pair.target.client.postStep('reuse-snap', { command: 'discard-queue', jobId: pair.jobId })).rejects.toMatchObject({
      status: 409,
    });
    expect(await pair.target.client.getStep('reuse-snap')).toMatchObject({ command: 'take-snapshot', status: 'succeeded', attempts: 1 });
  });

  it('records a failed step once, with the reason', async () => {
    const pair = await setUpJobPair(fleet);
    const run = () => pair.source.client.runStep('failed-wrong-role', { command: 'apply-queue', jobId: pair.jobId });
    await expect(run()).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('not the target') });
    const record = await pair.source.client.getStep('failed-wrong-role');
    expect(record).toMatchObject({ status: 'failed', attempts: 1 });
  });
});

describe('snapshots', () => {
  it('reverts the replica to a snapshot and says so in the target status', async () => {
    const pair = await protectedPair('revert');
    const snapshot = await pair.target.client.runStep('revert-snap-before-edit', { command: 'take-snapshot', jobId: pair.jobId });
    const atSnapshot = digestTree(pair.replicaDir);
    await pair.source.client.runStep('revert-stop', { command: 'stop-protection', jobId: pair.jobId });
    writeFileSync(join(pair.replicaDir, 'data', 'f1.txt'), 'changed on the target');
    const reverted = await pair.target.client.runStep('revert-revert', { command: 'revert-snapshot', jobId: pair.jobId, snapshotId: snapshot.snapshotId });
    expect(reverted.snapshot.snapshotId).toBe(snapshot.snapshotId);
    expect(digestTree(pair.replicaDir)).toEqual(atSnapshot);
    expect((await pair.target.client.getJob(pair.jobId)).target?.status).toBe('snapshot-reverted');

    await pair.target.client.runStep('revert-delete-snap', { command: 'delete-snapshot', jobId: pair.jobId, snapshotId: snapshot.snapshotId });
    const remaining = await pair.target.client.listSnapshots(pair.jobId);
    expect(remaining.map((s) => s.snapshotId)).not.toContain(snapshot.snapshotId);
    await pair.source.client.runStep('revert-restart', { command: 'start-protection', jobId: pair.jobId });
    await pair.source.client.runStep('revert-flush', { command: 'flush-changes', jobId: pair.jobId });
    await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'protection after the revert');
  });
});

describe('failover, restore and failback (Files and Folders)', () => {
  it('fails over, restores only what changed on the target, refuses while files are open, then fails back', async () => {
    const pair = await protectedPair('ff');
    const failover = await pair.target.client.runStep('ff-failover', {
      command: 'failover-files',
      jobId: pair.jobId,
      queue: 'apply',
      shares: [{ name: 'data', path: join(pair.replicaDir, 'data') }],
    });
    expect(failover.standIn.name).toBe('web01');
    await pair.source.client.runStep('ff-stop', { command: 'stop-protection', jobId: pair.jobId });

    // Users work on the target while failed over: 1 in 100 files changes.
    writeFileSync(join(pair.replicaDir, 'data', 'f7.txt'), 'edited during failover\n');
    const prepared = await pair.source.client.runStep('ff-prepare', { command: 'prepare-restore', jobId: pair.jobId, directories: [pair.sourceDir] });
    const destination = pair.source.endpoint(prepared.channel);

    const held = openSync(join(pair.sourceDir, 'data', 'f3.txt'), 'r');
    try {
      // The console's live check before Restore names the same file, without opening a channel.
      expect(await pair.source.client.openFiles([pair.sourceDir])).toEqual({ openFiles: [join(pair.sourceDir, 'data', 'f3.txt')], isTruncated: false });
      expect(await pair.source.client.openFiles([join(pair.sourceDir, 'elsewhere')])).toEqual({ openFiles: [], isTruncated: false });
      const refused = await pair.target.client
        .runStep('ff-restore-while-open', { command: 'restore', jobId: pair.jobId, destination })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AgentStepFailedError);
      expect(refused).toMatchObject({ code: 'conflict', details: { openFiles: [join(pair.sourceDir, 'data', 'f3.txt')] } });
    } finally {
      closeSync(held);
    }

    expect((await pair.source.client.openFiles([pair.sourceDir])).openFiles).toEqual([]);
    await expect(pair.source.client.openFiles(['relative/path'])).rejects.toMatchObject({ status: 400, message: expect.stringContaining('directories') });
    const restored = await pair.target.client.runStep('ff-restore', { command: 'restore', jobId: pair.jobId, destination });
    expect(restored).toMatchObject({ filesCompared: 100, filesSent: 1, bytesChanged: 'edited during failover\n'.length });
    expect(restored.bytesSent).toBe(restored.bytesChanged);
    expect(restored.sharesNotRestored).toEqual(failover.shares);
    expect(readFileSync(join(pair.sourceDir, 'data', 'f7.txt'), 'utf8')).toBe('edited during failover\n');
    expect(digestTree(pair.sourceDir)).toEqual(digestTree(pair.replicaDir));

    const failback = await pair.target.client.runStep('ff-failback', { command: 'failback', jobId: pair.jobId });
    expect(failback.removedAddresses).toEqual(failover.standIn.addresses);
    expect(failback.removedShares).toEqual(failover.shares);
    expect((await pair.target.client.info()).standIns).toEqual([]);
    expect((await pair.target.client.getJob(pair.jobId)).target?.status).toBe('stopped');
  });
});
