import { AgentUnreachableError } from '@syncsafe/agent-client';
import type { JobState } from '@syncsafe/contracts';
import { createServer } from '@syncsafe/db/testing';
import { toRowEnum } from '@syncsafe/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentDirectory, AgentPort } from '../src/services/operations/agent-port.ts';
import { ProtectionRepointer } from '../src/services/operations/protection-repointer.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface SetupCall {
  serverId: string;
  jobId: string;
  setup: Record<string, unknown>;
}

/** Agents that answer a setup PUT (a target grants a channel) and remember it; some are unreachable. */
function recordingAgents(unreachable: Set<string> = new Set()) {
  const calls: SetupCall[] = [];
  const agents: AgentDirectory = async (serverId) =>
    ({
      async setUpJob(jobId, setup) {
        if (unreachable.has(serverId)) throw new AgentUnreachableError(`agent of ${serverId} unreachable: connect ECONNREFUSED`);
        calls.push({ serverId, jobId, setup: setup as Record<string, unknown> });
        return { job: {} as never, channel: setup.role === 'target' ? { channelId: `ch-${jobId}`, token: 'token-0123456789abcdef' } : null };
      },
    }) as Partial<AgentPort> as AgentPort;
  return { agents, calls };
}

let jobCount = 0;
async function job(sourceServerId: string, targetServerId: string, state: JobState, overrides: { type?: 'files_and_folders' | 'full_server'; isReversed?: boolean } = {}) {
  jobCount += 1;
  return t.db.prisma.job.create({
    data: {
      name: `Repoint job ${jobCount}`,
      type: overrides.type ?? 'files_and_folders',
      sourceServerId,
      targetServerId,
      state: toRowEnum(state),
      isReversed: overrides.isReversed ?? false,
      directories: ['/data/shared'],
      replicaRoot: '/replica',
      options: {},
    },
  });
}

const repointAudits = (jobId: string) => t.db.prisma.auditEvent.findMany({ where: { action: 'job.repoint', targetId: jobId }, orderBy: { seq: 'asc' } });

async function follow(agents: AgentDirectory, serverId: string, before = { address: '10.0.0.1', port: 6320 }) {
  const repointer = new ProtectionRepointer(t.db, agents, t.app.log);
  repointer.follow({ serverId, before });
  await repointer.settled();
}

describe('re-pointing replication at a server that moved', () => {
  it('sets up the receiving agent and points the sending agent at the new address, only for jobs whose replication runs towards it', async () => {
    const [a, b, c] = await Promise.all([createServer(t.db.prisma), createServer(t.db.prisma), createServer(t.db.prisma, { address: '10.7.7.7', port: 7001 })]);
    const protecting = await job(a.id, c.id, 'protecting');
    const testing = await job(a.id, c.id, 'test-failed-over', { type: 'full_server' });
    const stopped = await job(a.id, c.id, 'stopped');
    const failedOver = await job(a.id, c.id, 'failed-over');
    const sendingFromIt = await job(c.id, b.id, 'protecting');
    const { agents, calls } = recordingAgents();

    await follow(agents, c.id);

    const callsOf = (jobId: string) => calls.filter((call) => call.jobId === jobId);
    expect(callsOf(protecting.id)).toEqual([
      { serverId: c.id, jobId: protecting.id, setup: { role: 'target', type: 'files-and-folders', directories: ['/data/shared'], replicaRoot: '/replica' } },
      {
        serverId: a.id,
        jobId: protecting.id,
        setup: { role: 'source', type: 'files-and-folders', directories: ['/data/shared'], target: { address: '10.7.7.7', port: 7001, channelId: `ch-${protecting.id}`, token: 'token-0123456789abcdef' } },
      },
    ]);
    expect(callsOf(testing.id)).toEqual([
      { serverId: c.id, jobId: testing.id, setup: expect.objectContaining({ role: 'target', type: 'full-server' }) },
      { serverId: a.id, jobId: testing.id, setup: expect.objectContaining({ role: 'source', target: expect.objectContaining({ address: '10.7.7.7', port: 7001 }) }) },
    ]);
    expect(calls).toHaveLength(4);
    for (const untouched of [stopped, failedOver, sendingFromIt]) expect(await repointAudits(untouched.id)).toEqual([]);
    const [record] = await repointAudits(protecting.id);
    expect(record).toMatchObject({
      actorName: 'system',
      outcome: 'success',
      reason: null,
      before: { receivingServer: c.name, address: '10.0.0.1', port: 6320 },
      after: { receivingServer: c.name, address: '10.7.7.7', port: 7001, sendingServer: a.name },
    });
  });

  it('follows the original source machine of a reversed Full Server job, which receives from the original target’s replica', async () => {
    const [source, target] = await Promise.all([createServer(t.db.prisma, { address: '10.8.8.8' }), createServer(t.db.prisma)]);
    const reversed = await job(source.id, target.id, 'protecting', { type: 'full_server', isReversed: true });
    const { agents, calls } = recordingAgents();

    await follow(agents, target.id);
    expect(calls).toEqual([]);

    await follow(agents, source.id);
    expect(calls).toEqual([
      { serverId: source.id, jobId: reversed.id, setup: { role: 'target', type: 'full-server', directories: ['/replica/data/shared'], replicaRoot: '/replica-reverse' } },
      {
        serverId: target.id,
        jobId: reversed.id,
        setup: { role: 'source', type: 'full-server', directories: ['/replica/data/shared'], target: expect.objectContaining({ address: '10.8.8.8', port: source.port }) },
      },
    ]);
    expect((await repointAudits(reversed.id)).map((r) => r.outcome)).toEqual(['success']);
  });

  it('records an agent that cannot be reached as a failure with its error, and goes on with the next job', async () => {
    const [a, b, moved] = await Promise.all([createServer(t.db.prisma), createServer(t.db.prisma), createServer(t.db.prisma)]);
    const unreachableSource = await job(a.id, moved.id, 'protecting');
    const reachable = await job(b.id, moved.id, 'failover-condition-met');
    const { agents, calls } = recordingAgents(new Set([a.id]));

    await follow(agents, moved.id);

    const [failure] = await repointAudits(unreachableSource.id);
    expect(failure).toMatchObject({ outcome: 'failure', reason: expect.stringContaining('ECONNREFUSED') });
    expect((await repointAudits(reachable.id)).map((r) => r.outcome)).toEqual(['success']);
    expect(calls.filter((c) => c.jobId === reachable.id).map((c) => c.serverId)).toEqual([moved.id, b.id]);
  });
});
