import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentFleet } from '../support/agent-fleet.ts';
import { setUpJobPair, type JobPair } from '../support/job-pair.ts';
import { waitForIdenticalTrees } from '../support/trees.ts';
import { waitFor } from '../support/wait-for.ts';

const fleet = new AgentFleet();
const BIG_BYTES = 2 * 1024 * 1024;
afterAll(() => fleet.cleanUp());

/** Each test has its own two agents and job, mirrored and protecting, and its own step ids. */
async function protectedPair(test: string): Promise<JobPair> {
  const pair = await setUpJobPair(fleet);
  mkdirSync(join(pair.sourceDir, 'docs'));
  writeFileSync(join(pair.sourceDir, 'docs/readme.txt'), 'hello');
  writeFileSync(join(pair.sourceDir, 'big.bin'), Buffer.alloc(BIG_BYTES, 3));
  await pair.source.client.runStep(`${test}-start`, { command: 'start-protection', jobId: pair.jobId });
  await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'initial mirror');
  return pair;
}

/** The target answers at a new port (its agent restarted there) and the source's setup names it. */
async function moveTarget(pair: JobPair) {
  await pair.target.kill();
  pair.target = await fleet.restart(pair.target, { port: 0 });
  const moved = { ...pair.sourceSetup, target: { ...pair.sourceSetup.target, port: pair.target.port } };
  const answer = await pair.source.client.setUpJob(pair.jobId, moved);
  pair.sourceSetup = moved;
  return answer;
}

describe('a target that moved to another address or port while the job protects', () => {
  it('gets replication at its new port once the source setup names it, without resending what it holds', async () => {
    const pair = await protectedPair('move');
    await pair.target.kill();
    writeFileSync(join(pair.sourceDir, 'docs/while-moving.txt'), 'written while the target was away');
    await waitFor(async () => (await pair.source.client.getJob(pair.jobId)).source?.protection === 'retrying', { what: 'the source retrying the old port' });
    const before = (await pair.source.client.getJob(pair.jobId)).source!;

    const target = await fleet.restart(pair.target, { port: 0 });
    expect(target.port).not.toBe(pair.target.port);
    pair.target = target;
    const moved = { ...pair.sourceSetup, target: { ...pair.sourceSetup.target, port: target.port } };
    const answer = await pair.source.client.setUpJob(pair.jobId, moved);
    expect(answer.job.source?.protection).not.toBe('stopped');
    pair.sourceSetup = moved;

    writeFileSync(join(pair.sourceDir, 'docs/after-move.txt'), 'written after the move');
    await waitFor(() => readFileSync(join(pair.replicaDir, 'docs/after-move.txt'), 'utf8') === 'written after the move', { what: 'the new file on the replica' });
    await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'replica after the move');
    const after = (await pair.source.client.getJob(pair.jobId)).source!;
    expect(after.sentBytes - before.sentBytes).toBeLessThan(BIG_BYTES);
    expect(after.protection).toBe('replicating');
  });

  it('still refuses any other change while protecting', async () => {
    const pair = await protectedPair('refuse');
    const otherDir = join(fleet.tempDir('other'), 'protected');
    await expect(pair.source.client.setUpJob(pair.jobId, { ...pair.sourceSetup, directories: [otherDir] })).rejects.toMatchObject({ status: 409 });
    const otherChannel = { ...pair.sourceSetup.target, channelId: 'ch-somewhere-else' };
    await expect(pair.source.client.setUpJob(pair.jobId, { ...pair.sourceSetup, target: otherChannel })).rejects.toMatchObject({ status: 409 });
    const job = await pair.source.client.getJob(pair.jobId);
    expect(job.directories).toEqual(pair.sourceSetup.directories);
  });

  // Sets up, moves the target and restarts the source: three agent starts and two catch-ups.
  it('keeps the new endpoint across a restart of the source agent', { timeout: 120_000 }, async () => {
    const pair = await protectedPair('restart');
    const oldPort = pair.target.port;
    await moveTarget(pair);
    expect(pair.target.port).not.toBe(oldPort);
    writeFileSync(join(pair.sourceDir, 'docs/after-move.txt'), 'written after the move');
    await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'replica after the move');

    await pair.source.kill();
    pair.source = await fleet.restart(pair.source);
    writeFileSync(join(pair.sourceDir, 'docs/after-restart.txt'), 'written after the source restarted');
    await pair.source.client.runStep('restart-flush', { command: 'flush-changes', jobId: pair.jobId });
    await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'replica after the source restarted');
  });
});
