import type { AgentJobStatus, BadDataReason, JobActivity, MirrorStatus, TargetStatus } from '@syncsafe/contracts';

/** The Job row's progress columns, from what the source and target agents report. */
export interface JobProgress {
  activity?: JobActivity | null;
  mirrorStatus?: MirrorStatus;
  mirrorPercent?: number | null;
  mirrorFiles?: number;
  mirrorBytes?: bigint;
  sentOps?: bigint;
  sentBytes?: bigint;
  pendingChanges?: number;
  transmitError?: string | null;
  targetStatus?: TargetStatus;
  queueBytes?: bigint;
  queueOps?: number;
  lagMs?: number | null;
  targetDataState?: 'good' | 'bad';
  targetDataStateReason?: BadDataReason | null;
  targetDataStateDetail?: string | null;
}

/** The Job row's progress columns, to select. */
export const PROGRESS_COLUMNS = {
  activity: true,
  mirrorStatus: true,
  mirrorPercent: true,
  mirrorFiles: true,
  mirrorBytes: true,
  sentOps: true,
  sentBytes: true,
  pendingChanges: true,
  transmitError: true,
  targetStatus: true,
  queueBytes: true,
  queueOps: true,
  lagMs: true,
  targetDataState: true,
  targetDataStateReason: true,
  targetDataStateDetail: true,
} as const satisfies Record<keyof JobProgress, true>;

const ACTIVITY: Record<string, JobActivity | null> = {
  mirroring: 'mirroring',
  replicating: 'replicating',
  paused: 'paused',
  retrying: 'retrying',
  stopped: 'idle',
};

export function progressFrom(status: AgentJobStatus): JobProgress {
  if (status.role === 'source' && status.source) {
    const { mirror, protection, sentOps, sentBytes, pendingPaths, lastError } = status.source;
    return {
      activity: ACTIVITY[protection] ?? null,
      mirrorStatus: mirror.state,
      mirrorPercent: mirror.state === 'idle' ? null : mirror.percent,
      mirrorFiles: mirror.filesDone,
      mirrorBytes: BigInt(mirror.bytesDone),
      sentOps: BigInt(sentOps),
      sentBytes: BigInt(sentBytes),
      pendingChanges: pendingPaths,
      transmitError: lastError,
    };
  }
  if (status.role === 'target' && status.target) {
    const { queue, dataState } = status.target;
    return {
      targetStatus: status.target.status,
      queueBytes: BigInt(queue.bytes),
      queueOps: queue.ops,
      lagMs: queue.lagMs,
      targetDataState: dataState.state,
      targetDataStateReason: dataState.reason,
      targetDataStateDetail: dataState.detail,
    };
  }
  return {};
}

/**
 * What an operator must learn without waiting for the next progress write: the Target Status word and
 * the target data state with its reason (all change seldom). Null for a report that carries none.
 */
function targetWordsOf(progress: JobProgress): string | null {
  if (progress.targetStatus === undefined) return null;
  return [progress.targetStatus, progress.targetDataState, progress.targetDataStateReason].join(' ');
}

/**
 * When each job's progress is written: at most once per `everyMs` (the stream carries every write to
 * every console), except a change of the target's words, written at once. A report that comes too soon
 * is held back, merged with the job's later reports (the source's and the target's fill different
 * columns), and goes with the next write, so neither agent's report is starved by the other's.
 */
export class ProgressGate {
  private readonly held = new Map<string, JobProgress>();
  private readonly writtenAt = new Map<string, number>();
  private readonly targetWords = new Map<string, string>();

  constructor(private readonly everyMs: number) {}

  /** The progress to write now (with what was held back), or null when it is held back. */
  offer(jobId: string, report: JobProgress, now: number): JobProgress | null {
    const words = targetWordsOf(report);
    const previousWords = this.targetWords.get(jobId);
    if (words !== null) this.targetWords.set(jobId, words);
    const isUrgent = words !== null && previousWords !== undefined && words !== previousWords;
    const progress = { ...this.held.get(jobId), ...report };
    if (!isUrgent && now - (this.writtenAt.get(jobId) ?? 0) < this.everyMs) {
      this.held.set(jobId, progress);
      return null;
    }
    this.held.delete(jobId);
    return progress;
  }

  /** Call when a write happened (an offer whose values were all on the row already is not one). */
  wrote(jobId: string, now: number): void {
    this.writtenAt.set(jobId, now);
  }

  /** Jobs whose held-back progress may be written now (no later report came to carry it). */
  due(now: number): string[] {
    return [...this.held.keys()].filter((jobId) => now - (this.writtenAt.get(jobId) ?? 0) >= this.everyMs);
  }

  /** The target data state changed (written from the agent's event): a held-back report's is older. */
  dropHeldDataState(jobId: string): void {
    const held = this.held.get(jobId);
    if (!held) return;
    delete held.targetDataState;
    delete held.targetDataStateReason;
    delete held.targetDataStateDetail;
  }

  /** The job is gone. */
  forget(jobId: string): void {
    this.held.delete(jobId);
    this.writtenAt.delete(jobId);
    this.targetWords.delete(jobId);
  }
}

/** Only what differs from the row, so an unchanged heartbeat writes nothing. */
export function changedProgress(row: Record<string, unknown>, progress: JobProgress): JobProgress | null {
  // Object.fromEntries loses the keys' types; the entries are progress's own, filtered.
  const changes = Object.fromEntries(Object.entries(progress).filter(([k, v]) => row[k] !== v)) as JobProgress;
  return Object.keys(changes).length > 0 ? changes : null;
}
