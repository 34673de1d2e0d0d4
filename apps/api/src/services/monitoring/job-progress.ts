import type { AgentJobStatus, JobActivity } from '@syncsafe/contracts';

/** The Jobs page's progress columns, from what the source and target agents report. */
export interface JobProgress {
  activity?: JobActivity | null;
  mirrorPercent?: number | null;
  mirrorFiles?: number;
  mirrorBytes?: bigint;
  queueBytes?: bigint;
  queueOps?: number;
  lagMs?: number | null;
  targetDataState?: 'good' | 'bad';
}

const ACTIVITY: Record<string, JobActivity | null> = {
  mirroring: 'mirroring',
  replicating: 'replicating',
  paused: 'paused',
  retrying: 'retrying',
  stopped: 'idle',
};

export function progressFrom(status: AgentJobStatus): JobProgress {
  if (status.role === 'source' && status.source) {
    const { mirror, protection } = status.source;
    return {
      activity: ACTIVITY[protection] ?? null,
      mirrorPercent: mirror.state === 'idle' ? null : mirror.percent,
      mirrorFiles: mirror.filesDone,
      mirrorBytes: BigInt(mirror.bytesDone),
    };
  }
  if (status.role === 'target' && status.target) {
    const { queue, dataState } = status.target;
    return { queueBytes: BigInt(queue.bytes), queueOps: queue.ops, lagMs: queue.lagMs, targetDataState: dataState.state };
  }
  return {};
}

/** Only what differs from the row, so an unchanged heartbeat writes nothing. */
export function changedProgress(row: Record<string, unknown>, progress: JobProgress): JobProgress | null {
  const changes = Object.fromEntries(Object.entries(progress).filter(([k, v]) => row[k] !== v)) as JobProgress;
  return Object.keys(changes).length > 0 ? changes : null;
}
