import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentSourceJobSetup } from '@syncsafe/contracts';
import type { AgentFleet, AgentProcess } from './agent-fleet.ts';

export interface JobPair {
  jobId: string;
  source: AgentProcess;
  target: AgentProcess;
  /** The protected directory on the source. */
  sourceDir: string;
  replicaRoot: string;
  /** Where the protected directory lands on the target. */
  replicaDir: string;
  /** What the source was set up with (the target's endpoint and channel grant). */
  sourceSetup: AgentSourceJobSetup;
}

let counter = 0;

/** Two agents and a Files and Folders job between them, set up as the console would. */
export async function setUpJobPair(
  fleet: AgentFleet,
  options: { type?: 'files-and-folders' | 'full-server'; reconcileIntervalMs?: number; sourceArgs?: string[]; targetArgs?: string[] } = {},
): Promise<JobPair> {
  const jobId = `job-${process.pid}-${++counter}`;
  const [source, target] = await Promise.all([
    fleet.start({ name: 'web01', args: ['--faults', ...(options.sourceArgs ?? [])] }),
    fleet.start({ name: 'dr01', args: ['--faults', ...(options.targetArgs ?? [])] }),
  ]);
  const sourceDir = join(fleet.tempDir('source'), 'protected');
  mkdirSync(sourceDir);
  const replicaRoot = fleet.tempDir('replica');
  const sourceSetup = await connectJob(jobId, source, target, sourceDir, replicaRoot, options);
  return { jobId, source, target, sourceDir, replicaRoot, replicaDir: join(replicaRoot, sourceDir), sourceSetup };
}

export async function connectJob(
  jobId: string,
  source: AgentProcess,
  target: AgentProcess,
  sourceDir: string,
  replicaRoot: string,
  options: { type?: 'files-and-folders' | 'full-server'; reconcileIntervalMs?: number } = {},
): Promise<AgentSourceJobSetup> {
  const type = options.type ?? 'files-and-folders';
  const jobOptions = { reconcileIntervalMs: options.reconcileIntervalMs ?? 3_600_000 };
  const { channel } = await target.client.setUpJob(jobId, { role: 'target', type, directories: [sourceDir], replicaRoot, options: jobOptions });
  const sourceSetup = { role: 'source' as const, type, directories: [sourceDir], target: target.endpoint(channel!), options: jobOptions };
  await source.client.setUpJob(jobId, sourceSetup);
  return sourceSetup;
}
