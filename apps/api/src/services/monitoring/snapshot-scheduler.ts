import { JobOptionsSchema } from '@syncsafe/contracts';
import type { PrismaClient } from '@syncsafe/db';
import { decide } from '@syncsafe/domain';
import type { FastifyBaseLogger } from 'fastify';
import { SYSTEM_ACTOR } from '../audit/append-audit.ts';
import { loadJobContext } from '../jobs/load-job.ts';
import { submitCommand } from '../jobs/submit-command.ts';
import type { AgentDirectory } from '../operations/agent-port.ts';
import { syncSnapshots } from '../operations/sync-snapshots.ts';

const TICK_MS = 5000;

/**
 * Takes each job's scheduled snapshots. One due while the job cannot take it (an operation running, a
 * test failover starting, the job not protecting) is taken as soon as the job can — typed Deferred, as
 * the product labels a scheduled snapshot that did not occur at its interval.
 */
export class SnapshotScheduler {
  private timer: NodeJS.Timeout | null = null;
  private isTicking = false;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly log: FastifyBaseLogger,
    private readonly runOperation: (operationId: string) => void,
    private readonly now: () => number = Date.now,
    private readonly agents: AgentDirectory | null = null,
  ) {}

  start() {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
  }

  async tick() {
    if (this.isTicking) return;
    this.isTicking = true;
    try {
      const jobs = await this.prisma.job.findMany({ select: { id: true, options: true, createdAt: true } });
      for (const job of jobs) {
        const { snapshotSchedule } = JobOptionsSchema.parse(job.options);
        if (!snapshotSchedule.isEnabled) continue;
        await this.takeIfDue(job.id, job.createdAt, snapshotSchedule.intervalMinutes * 60_000).catch((err: unknown) =>
          this.log.warn({ err, jobId: job.id }, 'scheduled snapshot not taken'),
        );
        await this.prune(job.id, snapshotSchedule.keep).catch((err: unknown) => this.log.warn({ err, jobId: job.id }, 'old snapshots not pruned'));
      }
    } finally {
      this.isTicking = false;
    }
  }

  /** Keeps the newest `keep` Scheduled/Deferred snapshots; Manual and test snapshots are the user's. */
  private async prune(jobId: string, keep: number) {
    if (!this.agents) return;
    const job = await this.prisma.job.findUnique({ where: { id: jobId }, select: { sourceServerId: true, targetServerId: true, isReversed: true, state: true } });
    if (!job || job.state !== 'protecting') return;
    const extra = await this.prisma.snapshot.findMany({
      where: { jobId, type: { in: ['scheduled', 'deferred'] }, isTestSnapshot: false },
      orderBy: { takenAt: 'desc' },
      skip: keep,
    });
    if (extra.length === 0) return;
    const agent = await this.agents(job.isReversed ? job.sourceServerId : job.targetServerId);
    for (const snapshot of extra) {
      // The step id is derived from the snapshot: a repeat after a crash is answered, not re-run.
      await agent.runStep(`prune-${snapshot.id}`, { command: 'delete-snapshot', jobId, snapshotId: snapshot.agentSnapshotId });
    }
    const remaining = await agent.listSnapshots(jobId);
    await this.prisma.$transaction((tx) => syncSnapshots(tx, jobId, remaining));
  }

  private async takeIfDue(jobId: string, createdAt: Date, intervalMs: number) {
    const last = await this.prisma.snapshot.findFirst({ where: { jobId, type: { in: ['scheduled', 'deferred'] } }, orderBy: { takenAt: 'desc' } });
    const dueAt = (last?.takenAt ?? createdAt).getTime() + intervalMs;
    const now = this.now();
    if (now < dueAt) return;
    const { facts } = await loadJobContext(this.prisma, jobId);
    // Late by more than one tick: it waited for the job to be in a good state.
    const snapshotType = now - dueAt > 2 * TICK_MS ? 'deferred' : 'scheduled';
    if (decide(facts, { command: 'take-snapshot', snapshotType }).outcome !== 'allowed') return;
    const { operationId } = await submitCommand(this.prisma, jobId, { command: 'take-snapshot', snapshotType }, { actor: SYSTEM_ACTOR });
    this.runOperation(operationId);
  }
}
