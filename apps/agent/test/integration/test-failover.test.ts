import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentStepFailedError } from '@syncsafe/agent-client';
import { AgentFleet, type AgentProcess } from '../support/agent-fleet.ts';
import { setUpJobPair, type JobPair } from '../support/job-pair.ts';
import { digestTree, waitForIdenticalTrees } from '../support/trees.ts';
import { waitFor } from '../support/wait-for.ts';

const fleet = new AgentFleet();
afterAll(() => fleet.cleanUp());

interface TestSetup {
  pair: JobPair;
  testMachine: AgentProcess;
  testReplica: string;
}

/**
 * Each test has its own protected Full Server pair and test machine, and names its steps `<test>-<step>`:
 * no test reads a step id, snapshot or network state another left behind.
 */
async function protectedWithTestMachine(test: string): Promise<TestSetup> {
  const [pair, testMachine] = await Promise.all([
    setUpJobPair(fleet, { type: 'full-server' }),
    fleet.start({ name: 'test01', args: ['--adapter', 'Test LAN', '--reboot-seconds', '0.1'] }),
  ]);
  writeFileSync(join(pair.sourceDir, 'app.config'), 'connection=prod');
  await pair.source.client.runStep(`${test}-start`, { command: 'start-protection', jobId: pair.jobId });
  await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'initial mirror');
  return { pair, testMachine, testReplica: fleet.tempDir('test-replica') };
}

describe('Full Server test failover', () => {
  it('fails when the test machine has no adapter with a mapped friendly name, and names it', async () => {
    const { pair, testMachine, testReplica } = await protectedWithTestMachine('unmapped');
    const failure = await testMachine.client
      .runStep('unmapped-prepare', {
        command: 'prepare-test-failover',
        jobId: pair.jobId,
        adapterMapping: [{ sourceAdapter: 'Local Area Connection', targetAdapter: 'Network 2' }],
        replicaPath: testReplica,
      })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AgentStepFailedError);
    expect((failure as Error).message).toContain('"Network 2"');
  });

  it('mirrors a snapshot of the target to the test machine, which keeps its own identity on an isolated network', async () => {
    const { pair, testMachine, testReplica } = await protectedWithTestMachine('test');
    const { channel } = await testMachine.client.runStep('test-prepare', {
      command: 'prepare-test-failover',
      jobId: pair.jobId,
      adapterMapping: [{ sourceAdapter: 'Local Area Connection', targetAdapter: 'Test LAN' }],
      replicaPath: testReplica,
    });
    const started = await pair.target.client.runStep('test-start-test', {
      command: 'start-test-failover',
      jobId: pair.jobId,
      testMachine: testMachine.endpoint(channel),
    });
    expect(started.filesSent).toBe(1);
    expect(digestTree(join(testReplica, pair.sourceDir))).toEqual(digestTree(pair.replicaDir));

    const completed = await testMachine.client.runStep('test-complete-test', { command: 'complete-test-failover', jobId: pair.jobId });
    expect(completed).toEqual({ identityName: 'test01', networkState: 'isolated' });
    expect((await testMachine.client.info()).networkState).toBe('isolated');
    expect((await testMachine.client.getJob(pair.jobId)).test?.phase).toBe('online');

    // Protection goes on, uninterrupted, during the test.
    writeFileSync(join(pair.sourceDir, 'during-test.txt'), 'still protected');
    await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'replication during the test');

    const undone = await testMachine.client.runStep('test-undo-test', { command: 'undo-failover', jobId: pair.jobId });
    expect(undone.removedEntries).toBeGreaterThan(0);
    expect(readdirSync(testReplica)).toEqual([]);
    expect((await testMachine.client.info()).networkState).toBe('connected');
    await pair.target.client.runStep('test-delete-snapshot', { command: 'delete-snapshot', jobId: pair.jobId, snapshotId: started.snapshotId });
    expect(await pair.target.client.listSnapshots(pair.jobId)).toEqual([]);
  });
});
