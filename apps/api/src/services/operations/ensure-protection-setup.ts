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
  job: { id: string; type: JobType; directories: string[]; replicaRoot: string | null },
  from: Server,
  to: Server,
  stepId: string,
) {
  const replicaRoot = job.replicaRoot ?? '/srv/syncsafe/replica';
  const target = await (await agents(to.id)).setUpJob(job.id, { role: 'target', type: job.type, directories: job.directories, replicaRoot });
  if (!target.channel) throw new Error(`${to.name} granted no replication channel for the job`);
  await (await agents(to.id)).runStep(`${stepId}.accept`, { command: 'start-protection', jobId: job.id });
  await (await agents(from.id)).setUpJob(job.id, {
    role: 'source',
    type: job.type,
    directories: job.directories,
    target: { address: to.address, port: to.port, ...target.channel },
  });
}
