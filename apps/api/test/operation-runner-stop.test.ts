import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentDirectory, AgentPort } from '../src/services/operations/agent-port.ts';
import { OperationRunner } from '../src/services/operations/operation-runner.ts';
import { startConsoleWithPair, type ConsoleWithPair } from './support/agent-pair.ts';
import { createAgentDirectoryFor } from './support/agent-directory.ts';

let pair: ConsoleWithPair;

beforeAll(async () => {
  pair = await startConsoleWithPair({ source: 'stop01', target: 'stop02' });
});
afterAll(() => pair?.close());

/** Real agents, with one step's agent call held until the test lets it answer. */
function gatedAgents(agents: AgentDirectory, isGated: (stepId: string) => boolean) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const isReached = new Promise<void>((resolve) => (reached = resolve));
  const directory: AgentDirectory = async (serverId) => {
    const agent = await agents(serverId);
    const gated: AgentPort = {
      info: () => agent.info(),
      setUpJob: (jobId, setup) => agent.setUpJob(jobId, setup),
      getJob: (jobId) => agent.getJob(jobId),
      deleteJob: (jobId) => agent.deleteJob(jobId),
      listSnapshots: (jobId) => agent.listSnapshots(jobId),
      openFiles: (directories) => agent.openFiles(directories),
      subscribe: (handlers) => agent.subscribe(handlers),
      async runStep(stepId, command, options) {
        const result = await agent.runStep(stepId, command, options);
        if (isGated(stepId)) {
          reached();
          await released;
        }
        return result;
      },
    };
    return gated;
  };
  return { directory, isReached, release };
}

describe('OperationRunner.stop', () => {
  it('waits for the step in hand to be persisted and starts no step after it', { timeout: 60_000 }, async () => {
    const { t, driver, source, target, sourceId, targetId } = pair;
    // The app's own runner stands aside: this test runs the Start operation with its own runner.
    await t.app.operations.stop();
    const data = join(source.disk, 'data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'file.txt'), 'data');
    const job = await driver.createJob({ name: 'Stop while a step runs', type: 'files-and-folders', sourceServerId: sourceId, targetServerId: targetId, directories: [data], replicaRoot: join(target.disk, 'replica') });
    const operation = await t.db.prisma.operation.findFirstOrThrow({ where: { jobId: job.id }, include: { steps: { orderBy: { index: 'asc' } } } });
    expect(operation.steps.map((s) => s.key)).toEqual(['start-protection', 'mirror']);
    const firstStepId = operation.steps[0]!.id;

    const gate = gatedAgents(createAgentDirectoryFor(t), (stepId) => stepId === firstStepId);
    const runner = new OperationRunner(t.db, gate.directory, t.app.log);
    runner.enqueue(operation.id);
    await gate.isReached;
    let isStopped = false;
    const stopped = runner.stop().then(() => (isStopped = true));
    // The agent answered but the runner has not persisted it: stop() is still waiting.
    const inHand = await t.db.prisma.operationStep.findUniqueOrThrow({ where: { id: firstStepId } });
    expect(inHand.status).toBe('running');
    expect(isStopped).toBe(false);
    gate.release();
    await stopped;

    const after = await t.db.prisma.operation.findUniqueOrThrow({ where: { id: operation.id }, include: { steps: { orderBy: { index: 'asc' } } } });
    expect(after.status).toBe('running');
    expect(after.steps.map((s) => [s.key, s.status, s.attempts])).toEqual([
      ['start-protection', 'succeeded', 1],
      ['mirror', 'pending', 0],
    ]);
    runner.enqueue(operation.id);
    await runner.settled(operation.id);
    expect((await t.db.prisma.operationStep.findUniqueOrThrow({ where: { id: operation.steps[1]!.id } })).status).toBe('pending');
  });
});
