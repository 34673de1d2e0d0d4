import type { AgentSnapshot, OperationKind } from '@syncsafe/contracts';
import { JobOptionsSchema } from '@syncsafe/contracts';
import type { Database, OperationStep as StepRow } from '@syncsafe/db';
import type { FastifyBaseLogger } from 'fastify';
import { retryOnWriteConflict } from '../../lib/write-conflict.ts';
import { fromRowEnum } from '@syncsafe/db';
import { operationInput } from '../jobs/load-job.ts';
import { publishJob, publishOperation } from '../jobs/publish-job.ts';
import type { AgentDirectory } from './agent-port.ts';
import { buildStepCommand, type StepInputs } from './build-step-command.ts';
import { ensureProtectionSetup } from './ensure-protection-setup.ts';
import { finishOperation } from './finish-operation.ts';
import { syncSnapshots } from './sync-snapshots.ts';
import { errorText } from '../../lib/error-text.ts';

/** A best-effort step (e.g. shutting down a source that is already dead) does not wait long for an answer. */
const BEST_EFFORT_TIMEOUT_MS = 15_000;
const OFFLINE_BEST_EFFORT_TIMEOUT_MS = 2_000;
/** Steps after which the target's snapshot list may have changed. */
const SNAPSHOT_COMMANDS = new Set(['take-snapshot', 'start-test-failover', 'delete-snapshot', 'revert-snapshot', 'fail-over-full-server', 'undo-test-failover']);

/**
 * Crash injection for the durability tests, only when SYNCSAFE_TEST_CRASH_AT is set (never in normal
 * runs): `<operation kind>:<step key>:<before|after>` kills the process with SIGKILL right after the
 * step is marked running (before the agent is asked) or right after the agent answered (before the
 * answer is persisted) — the two moments a crash can split.
 */
function crashPoint(kind: string, stepKey: string, moment: 'before' | 'after') {
  if (process.env.SYNCSAFE_TEST_CRASH_AT === `${kind}:${stepKey}:${moment}`) process.kill(process.pid, 'SIGKILL');
}

/**
 * Runs operations step by step against the agents. Every step's status is persisted before and after it
 * runs, and the step's id is the agent's idempotency key: after a crash, `resumeAll` picks each pending
 * or running operation up where it stopped, and re-posting a step that was running returns its first
 * result instead of executing it again.
 */
export class OperationRunner {
  private readonly active = new Map<string, Promise<void>>();
  private isStopping = false;

  constructor(
    private readonly db: Database,
    private readonly agents: AgentDirectory,
    private readonly log: FastifyBaseLogger,
  ) {}

  enqueue(operationId: string) {
    if (this.isStopping || this.active.has(operationId)) return;
    const run = this.run(operationId)
      .catch((err: unknown) => this.log.error({ err, operationId }, 'operation runner stopped on an error; it resumes at next start'))
      .finally(() => this.active.delete(operationId));
    this.active.set(operationId, run);
  }

  /** After a start: every operation a previous process left pending or running. */
  async resumeAll() {
    const open = await this.db.prisma.operation.findMany({ where: { status: { in: ['pending', 'running'] } }, select: { id: true }, orderBy: { createdAt: 'asc' } });
    for (const { id } of open) this.enqueue(id);
    return open.length;
  }

  /** Resolves when the operation's current run ends (tests, graceful close). */
  async settled(operationId: string) {
    await this.active.get(operationId);
  }

  async stop() {
    this.isStopping = true;
  }

  private async run(operationId: string) {
    const { prisma } = this.db;
    const operation = await prisma.operation.findUnique({ where: { id: operationId }, include: { steps: { orderBy: { index: 'asc' } }, job: { include: { source: true, target: true, testServer: true } } } });
    if (!operation || operation.status === 'succeeded' || operation.status === 'failed') return;
    if (operation.status === 'pending') {
      await retryOnWriteConflict(() =>
        prisma.$transaction(async (tx) => {
          await tx.operation.update({ where: { id: operationId }, data: { status: 'running', startedAt: new Date() } });
          await publishOperation(tx, operationId);
        }),
      );
    }
    const { job } = operation;
    const options = JobOptionsSchema.parse(job.options);
    const input = operationInput(operation);
    const servers = new Map([job.source, job.target, job.testServer].filter((s) => s !== null).map((s) => [s.id, s]));
    for (const step of operation.steps) {
      if (step.serverId && !servers.has(step.serverId)) {
        const extra = await prisma.server.findUnique({ where: { id: step.serverId } });
        if (extra) servers.set(extra.id, extra);
      }
    }
    const inputs: StepInputs = {
      jobId: job.id,
      directories: job.directories,
      replicaRoot: job.replicaRoot,
      options,
      input,
      servers,
      results: new Map(operation.steps.filter((s) => s.status === 'succeeded').map((s) => [s.key, s.result])),
      stepServers: new Map(operation.steps.map((s) => [s.key, s.serverId])),
      originalTargetServerId: job.targetServerId,
      agents: this.agents,
    };

    for (const step of operation.steps) {
      if (step.status === 'succeeded' || step.status === 'skipped' || step.status === 'failed') continue;
      if (this.isStopping) return;
      const failure = await this.runStep(operation.kind as OperationKind, job, step, inputs);
      if (failure) {
        await finishOperation(prisma, operationId, { status: 'failed', error: failure });
        return;
      }
    }
    await finishOperation(prisma, operationId, { status: 'succeeded' });
  }

  /** Runs one step; returns the operation's failure message, or null to go on. */
  private async runStep(kind: OperationKind, job: { id: string; type: string; directories: string[]; replicaRoot: string | null; sourceServerId: string; targetServerId: string }, step: StepRow, inputs: StepInputs): Promise<string | null> {
    const { prisma } = this.db;
    await retryOnWriteConflict(() =>
      prisma.$transaction(async (tx) => {
        await tx.operationStep.update({ where: { id: step.id }, data: { status: 'running', attempts: { increment: 1 }, startedAt: step.startedAt ?? new Date() } });
        if (step.phase) await tx.job.update({ where: { id: job.id }, data: { reversePhase: step.phase } });
        await publishOperation(tx, step.operationId);
        if (step.phase) await publishJob(tx, job.id);
      }),
    );
    let result: unknown;
    crashPoint(kind, step.key, 'before');
    try {
      if (!step.serverId) throw new Error(`step ${step.key} has no server to run on`);
      if (step.command === 'start-protection') {
        // Protection runs from the step's machine to the job's other machine, at the address it has now:
        // an edit since the operation began (e.g. during Reverse's Restoring) is not re-pointed for a job
        // that is not protecting yet, so it is read here rather than from the operation's start.
        const otherId = step.serverId === job.sourceServerId ? job.targetServerId : job.sourceServerId;
        const from = await prisma.server.findUniqueOrThrow({ where: { id: step.serverId } });
        const to = await prisma.server.findUniqueOrThrow({ where: { id: otherId } });
        await ensureProtectionSetup(
          this.agents,
          { id: job.id, type: fromRowEnum(job.type), directories: job.directories, replicaRoot: job.replicaRoot, reverseReplicaRoot: inputs.options.reverseReplicaRoot, targetServerId: job.targetServerId },
          from,
          to,
          step.id,
        );
      }
      const command = await buildStepCommand(step, inputs);
      const agent = await this.agents(step.serverId);
      // A machine the monitor already sees offline (e.g. the failed source) gets only a short try.
      const isOffline = inputs.servers.get(step.serverId)?.status === 'offline';
      const timeoutMs = step.isBestEffort ? (isOffline ? OFFLINE_BEST_EFFORT_TIMEOUT_MS : BEST_EFFORT_TIMEOUT_MS) : undefined;
      result = await agent.runStep(step.id, command, timeoutMs ? { timeoutMs } : {});
    } catch (error) {
      const message = errorText(error);
      await retryOnWriteConflict(() =>
        prisma.$transaction(async (tx) => {
          await tx.operationStep.update({ where: { id: step.id }, data: { status: step.isBestEffort ? 'skipped' : 'failed', error: message, finishedAt: new Date() } });
          await publishOperation(tx, step.operationId);
        }),
      );
      this.log.warn({ operationId: step.operationId, step: step.key, kind, err: message }, step.isBestEffort ? 'best-effort step skipped' : 'step failed');
      return step.isBestEffort ? null : `${step.key}: ${message}`;
    }
    crashPoint(kind, step.key, 'after');
    inputs.results.set(step.key, result);
    const snapshots = SNAPSHOT_COMMANDS.has(step.command) ? await this.targetSnapshots(job.id, step, inputs) : null;
    await retryOnWriteConflict(() =>
      prisma.$transaction(async (tx) => {
        await tx.operationStep.update({ where: { id: step.id }, data: { status: 'succeeded', result: (result ?? null) as object, finishedAt: new Date() } });
        if ((step.args as { keepsReport?: boolean }).keepsReport) {
          const operation = await tx.operation.findUniqueOrThrow({ where: { id: step.operationId }, select: { result: true } });
          await tx.operation.update({ where: { id: step.operationId }, data: { result: { ...((operation.result as object | null) ?? {}), [step.key]: result } as object } });
        }
        if (step.command === 'apply-queue' || step.command === 'discard-queue') {
          await tx.job.update({ where: { id: job.id }, data: { queueBytes: 0n, queueOps: 0 } });
        }
        if (snapshots) {
          const testSnapshotId = step.command === 'start-test-failover' ? (result as { snapshotId?: string }).snapshotId : undefined;
          await syncSnapshots(tx, job.id, snapshots, testSnapshotId);
        }
        await publishOperation(tx, step.operationId);
        if (snapshots || step.command.endsWith('-queue')) await publishJob(tx, job.id);
      }),
    );
    return null;
  }

  /** The snapshot list of the agent that keeps the job's replica (where the snapshot step ran). */
  private async targetSnapshots(jobId: string, step: StepRow, _inputs: StepInputs): Promise<AgentSnapshot[] | null> {
    try {
      return await (await this.agents(step.serverId!)).listSnapshots(jobId);
    } catch (error) {
      this.log.warn({ jobId, err: errorText(error) }, 'could not list snapshots after a snapshot step');
      return null;
    }
  }
}
