import { type AgentEvent, type AgentSnapshot, BadDataReasonSchema } from '@syncsafe/contracts';
import type { Prisma, PrismaClient } from '@syncsafe/db';
import { retryOnWriteConflict } from '../../lib/write-conflict.ts';
import { publishJob } from '../jobs/publish-job.ts';
import { syncSnapshots } from '../operations/sync-snapshots.ts';
import { isRecordGone } from './is-record-gone.ts';
import { changedProgress, PROGRESS_COLUMNS, ProgressGate, type JobProgress } from './job-progress.ts';

/** Progress of one job is written at most this often (the stream carries it to every console); see ProgressGate. */
const PROGRESS_EVERY_MS = 500;

type DataStateChanged = Extract<AgentEvent, { kind: 'data-state-changed' }>;

/**
 * Writes each job's progress as its agents report it, through the ProgressGate, and only the columns
 * that changed. What was last written for each job is kept here, read from its row the first time, so
 * an accepted report reads nothing. The operation runner's queue reset (after Apply or Discard queue)
 * writes behind it; the agent's next report of an emptied queue differs from what is kept, so it is
 * written all the same.
 */
export class ProgressRecorder {
  private readonly gate = new ProgressGate(PROGRESS_EVERY_MS);
  private readonly written = new Map<string, Record<string, unknown>>();

  constructor(private readonly prisma: PrismaClient) {}

  /** An agent's report (or nothing new, to write what was held back). */
  async record(jobId: string, report: JobProgress): Promise<void> {
    const progress = this.gate.offer(jobId, report, Date.now());
    if (!progress) return;
    const last = await this.lastWritten(jobId);
    if (!last) return;
    const changes = changedProgress(last, progress);
    if (!changes) return;
    this.gate.wrote(jobId, Date.now());
    await this.write(jobId, changes, async (tx) => {
      await tx.job.update({ where: { id: jobId }, data: changes });
    });
  }

  /** Writes what was held back for jobs whose next report has not come in time to carry it. */
  async recordDue(): Promise<void> {
    for (const jobId of this.gate.due(Date.now())) await this.record(jobId, {});
  }

  /**
   * The target data state changed (the agent's event), with the target's snapshots when it could list
   * them. The detail is not in the event: the target's next heartbeat brings it (and is written at
   * once, its words having changed).
   */
  async recordDataState(event: DataStateChanged, listSnapshots: () => Promise<AgentSnapshot[] | null>): Promise<void> {
    this.gate.dropHeldDataState(event.jobId);
    const snapshots = await listSnapshots();
    const reason = event.to === 'bad' ? (BadDataReasonSchema.safeParse(event.reason).data ?? null) : null;
    const changes: JobProgress = { targetDataState: event.to, targetDataStateReason: reason, ...(event.to === 'good' ? { targetDataStateDetail: null } : {}) };
    await this.write(event.jobId, changes, async (tx) => {
      await tx.job.update({ where: { id: event.jobId }, data: changes });
      if (snapshots) await syncSnapshots(tx, event.jobId, snapshots);
    });
  }

  private async lastWritten(jobId: string): Promise<Record<string, unknown> | null> {
    const known = this.written.get(jobId);
    if (known) return known;
    const row = await this.prisma.job.findUnique({ where: { id: jobId }, select: PROGRESS_COLUMNS });
    if (!row) {
      this.forget(jobId);
      return null;
    }
    this.written.set(jobId, row);
    return row;
  }

  /** Runs the write with the job's `job.updated` event, then keeps what it wrote; a job gone meanwhile is forgotten. */
  private async write(jobId: string, changes: JobProgress, update: (tx: Prisma.TransactionClient) => Promise<void>) {
    try {
      await retryOnWriteConflict(() =>
        this.prisma.$transaction(async (tx) => {
          await update(tx);
          await publishJob(tx, jobId);
        }),
      );
    } catch (err) {
      // Nothing of it was committed: read the row again next time.
      this.written.delete(jobId);
      if (!isRecordGone(err)) throw err;
      this.forget(jobId);
      return;
    }
    const last = this.written.get(jobId);
    if (last) Object.assign(last, changes);
  }

  private forget(jobId: string) {
    this.gate.forget(jobId);
    this.written.delete(jobId);
  }
}
