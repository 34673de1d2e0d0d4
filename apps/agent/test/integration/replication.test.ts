import { chmodSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentFleet } from '../support/agent-fleet.ts';
import { setUpJobPair, type JobPair } from '../support/job-pair.ts';
import { waitForIdenticalTrees } from '../support/trees.ts';
import { waitFor } from '../support/wait-for.ts';

const fleet = new AgentFleet();
afterAll(() => fleet.cleanUp());

/** Waits until the replica matches the source, hash for hash. Periodic reconciliation is off (1 h): changes travel by the watcher (plus the walk a flood of events triggers). */
function expectReplicaToMatch(pair: JobPair, what: string, timeoutMs = 20_000): Promise<void> {
  return waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, what, timeoutMs);
}

/** Each test has its own two agents and job, protecting the same starting tree, and its own step ids. */
async function protectedPair(test: string): Promise<JobPair> {
  const pair = await setUpJobPair(fleet);
  const dir = pair.sourceDir;
  mkdirSync(join(dir, 'docs/reports'), { recursive: true });
  writeFileSync(join(dir, 'docs/readme.txt'), 'hello');
  writeFileSync(join(dir, 'docs/reports/q1.csv'), 'a,b\n1,2\n');
  writeFileSync(join(dir, 'big.bin'), Buffer.alloc(3 * 1024 * 1024 + 17, 7));
  symlinkSync('docs/readme.txt', join(dir, 'readme-link'));
  await pair.source.client.runStep(`${test}-start`, { command: 'start-protection', jobId: pair.jobId });
  return pair;
}

/** A protected pair whose initial mirror has completed: what follows is replication of changes. */
async function mirroredPair(test: string): Promise<JobPair> {
  const pair = await protectedPair(test);
  await expectReplicaToMatch(pair, 'initial mirror');
  await waitFor(async () => (await pair.source.client.getJob(pair.jobId)).source?.mirror.state === 'completed', { what: 'the mirror to complete' });
  return pair;
}

describe('Files and Folders replication between two agents', () => {
  it('mirrors the protected directory byte for byte and reports the mirror complete', async () => {
    const pair = await protectedPair('mirror');
    await expectReplicaToMatch(pair, 'initial mirror');
    const job = await waitFor(async () => {
      const status = await pair.source.client.getJob(pair.jobId);
      return status.source?.mirror.state === 'completed' ? status : null;
    });
    expect(job.source?.mirror.percent).toBe(100);
    expect(job.source?.mirror.bytesDone).toBeGreaterThan(3 * 1024 * 1024);
    const target = await pair.target.client.getJob(pair.jobId);
    expect(target.target?.dataState.state).toBe('good');
    expect(target.target?.sourceIdentity?.name).toBe('web01');
  });

  it('replicates writes, renames, deletes and permission changes as they happen', async () => {
    const pair = await mirroredPair('edits');
    const dir = pair.sourceDir;
    writeFileSync(join(dir, 'docs/readme.txt'), 'hello again');
    writeFileSync(join(dir, 'new.txt'), 'new');
    renameSync(join(dir, 'docs/reports'), join(dir, 'archive'));
    chmodSync(join(dir, 'new.txt'), 0o600);
    rmSync(join(dir, 'big.bin'));
    await expectReplicaToMatch(pair, 'edits');
  });

  it('catches a file written at once into a directory made by mkdir -p', async () => {
    const pair = await mirroredPair('mkdir');
    mkdirSync(join(pair.sourceDir, 'a/b/c'), { recursive: true });
    writeFileSync(join(pair.sourceDir, 'a/b/c/deep.txt'), 'deep');
    await expectReplicaToMatch(pair, 'mkdir -p then write');
  });

  it('keeps up with 10,000 rapid creates', async () => {
    const pair = await mirroredPair('burst');
    const dir = join(pair.sourceDir, 'burst');
    mkdirSync(dir);
    for (let i = 0; i < 10_000; i++) writeFileSync(join(dir, `f${i}.txt`), `file ${i}\n`);
    await expectReplicaToMatch(pair, '10k creates', 60_000);
  });
});
