import { posix } from 'node:path';
import type { JobType } from '@syncsafe/contracts';
import type { Server } from '@syncsafe/db';
import type { AgentDirectory } from './agent-port.ts';

/**
 * Before protection starts (Start, or the Synchronizing phase of Reverse), the receiving agent gets the
 * job as target (it grants a channel) and starts accepting, and the sending agent gets it as source,
 * pointed at that channel. The PUTs are idempotent and the accept step's id derives from the console
 * step's, so a resumed operation repeats all of it safely.
 */
export async function ensureProtectionSetup(
  agents: AgentDirectory,
  job: { id: string; type: JobType; directories: string[]; replicaRoot: string | null; reverseReplicaRoot: string | null; targetServerId: string },
  from: Server,
  to: Server,
  stepId: string,
) {
  const forwardRoot = job.replicaRoot ?? '/srv/syncsafe/replica';
  // In reverse (Full Server), the original target sends the source identity's data from its replica,
  // and the original source machine receives it into its own replica root.
  const isReverse = from.id === job.targetServerId;
  const directories = isReverse ? job.directories.map((d) => posix.join(forwardRoot, d)) : job.directories;
  const replicaRoot = isReverse ? (job.reverseReplicaRoot ?? `${forwardRoot}-reverse`) : forwardRoot;
  await releaseOtherRole(agents, to.id, job.id, 'target');
  await releaseOtherRole(agents, from.id, job.id, 'source');
  const target = await (await agents(to.id)).setUpJob(job.id, { role: 'target', type: job.type, directories, replicaRoot });
  if (!target.channel) throw new Error(`${to.name} granted no replication channel for the job`);
  await (await agents(to.id)).runStep(`${stepId}.accept`, { command: 'start-protection', jobId: job.id });
  await (await agents(from.id)).setUpJob(job.id, {
    role: 'source',
    type: job.type,
    directories,
    target: { address: to.address, port: to.port, ...target.channel },
  });
}

/** A machine that played the other role (before a Reverse) forgets the job's old setup first; its data stays. */
async function releaseOtherRole(agents: AgentDirectory, serverId: string, jobId: string, role: 'source' | 'target') {
  const agent = await agents(serverId);
  const existing = await agent.getJob(jobId).catch(() => null);
  if (existing && existing.role !== role) await agent.deleteJob(jobId);
}
