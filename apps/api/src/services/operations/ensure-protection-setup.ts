import { posix } from 'node:path';
import { AgentUnreachableError } from '@syncsafe/agent-client';
import type { AgentChannelGrant, JobType } from '@syncsafe/contracts';
import type { Server } from '@syncsafe/db';
import type { AgentDirectory } from './agent-port.ts';

/** Setup calls wait for an agent that is still starting (e.g. after a restart of the whole fleet). */
async function whenReachable<T>(call: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 200; ; delay = Math.min(delay * 2, 2000)) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof AgentUnreachableError) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** The job's fields that protection setups read (`reverseReplicaRoot` from its options). */
export interface ProtectionJob {
  id: string;
  type: JobType;
  directories: string[];
  replicaRoot: string | null;
  reverseReplicaRoot: string | null;
  targetServerId: string;
}

/**
 * What each agent is set up with for protection from `from` to `to`: the receiving agent's target setup,
 * and the sending agent's source setup once the receiver granted its channel. Start, Reverse and the
 * re-pointing after a server's address changes all use it, so the receiving agent's idempotent PUT
 * answers the same grant each time.
 */
export function protectionSetups(job: ProtectionJob, from: Pick<Server, 'id'>, to: Pick<Server, 'address' | 'port'>) {
  const forwardRoot = job.replicaRoot ?? '/srv/syncsafe/replica';
  // In reverse (Full Server), the original target sends the source identity's data from its replica,
  // and the original source machine receives it into its own replica root.
  const isReverse = from.id === job.targetServerId;
  const directories = isReverse ? job.directories.map((d) => posix.join(forwardRoot, d)) : job.directories;
  const replicaRoot = isReverse ? (job.reverseReplicaRoot ?? `${forwardRoot}-reverse`) : forwardRoot;
  return {
    target: { role: 'target' as const, type: job.type, directories, replicaRoot },
    source: (channel: AgentChannelGrant) => ({ role: 'source' as const, type: job.type, directories, target: { address: to.address, port: to.port, ...channel } }),
  };
}

/**
 * Before protection starts (Start, or the Synchronizing phase of Reverse), the receiving agent gets the
 * job in the target role (it grants a channel) and starts accepting, and the sending agent gets it in
 * the source role, pointed at that channel. The PUTs are idempotent and the accept step's id derives from the console
 * step's, so a resumed operation repeats all of it safely.
 */
export async function ensureProtectionSetup(agents: AgentDirectory, job: ProtectionJob, from: Server, to: Server, stepId: string) {
  const setups = protectionSetups(job, from, to);
  await whenReachable(() => releaseOtherRole(agents, to.id, job.id, 'target'));
  await whenReachable(() => releaseOtherRole(agents, from.id, job.id, 'source'));
  const target = await whenReachable(async () => (await agents(to.id)).setUpJob(job.id, setups.target));
  const channel = target.channel;
  if (!channel) throw new Error(`${to.name} granted no replication channel for the job`);
  await (await agents(to.id)).runStep(`${stepId}.accept`, { command: 'start-protection', jobId: job.id });
  await whenReachable(async () => (await agents(from.id)).setUpJob(job.id, setups.source(channel)));
}

/**
 * The receiving machine answers at a new address or port (its server was edited in place) while
 * protection runs: the sending agent is pointed there and goes on without a Stop and Start. One try:
 * an agent that cannot be reached now is set up by the next Start or Reverse anyway.
 */
export async function repointProtection(agents: AgentDirectory, job: ProtectionJob, from: Server, to: Server) {
  const setups = protectionSetups(job, from, to);
  const { channel } = await (await agents(to.id)).setUpJob(job.id, setups.target);
  if (!channel) throw new Error(`${to.name} granted no replication channel for the job`);
  await (await agents(from.id)).setUpJob(job.id, setups.source(channel));
}

/** A machine that played the other role (before a Reverse) forgets the job's old setup first; its data stays. */
async function releaseOtherRole(agents: AgentDirectory, serverId: string, jobId: string, role: 'source' | 'target') {
  const agent = await agents(serverId);
  const existing = await agent.getJob(jobId).catch((error: unknown) => {
    if (error instanceof AgentUnreachableError) throw error;
    return null;
  });
  if (existing && existing.role !== role) await agent.deleteJob(jobId);
}
