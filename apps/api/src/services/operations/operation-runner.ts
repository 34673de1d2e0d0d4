import { JobOptionsSchema, type AgentStepCommandInput, type AgentStepCommandName, type AgentStepResultOf, type JobOptions, type OperationKind } from '@syncsafe/contracts';
import { fromRowEnum, type Database, type Job, type Prisma } from '@syncsafe/db';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { errorText } from '../../lib/error-text.ts';
import { retryOnWriteConflict } from '../../lib/write-conflict.ts';
import { publishJob, publishOperation } from '../jobs/publish-job.ts';
import type { AgentDirectory } from './agent-port.ts';
import { buildStepCommand, type StepInputs } from './build-step-command.ts';
import { finishOperation } from './finish-operation.ts';
import { operationInput } from './operation-input.ts';
import { stepEffects, type StepContext, type StepEffect } from './step-effects.ts';
import { readStoredStep, type StoredStep } from './stored-step.ts';

/** A best-effort step (e.g. shutting down a source that is already dead) does not wait long for an answer. */
const BEST_EFFORT_TIMEOUT_MS = 15_000;
const OFFLINE_BEST_EFFORT_TIMEOUT_MS = 2_000;

/**
 * Crash injection for the durability tests, only when SYNCSAFE_TEST_CRASH_AT is set (never in normal
 * runs): `<operation kind>:<step key>:<before|after>` kills the process with SIGKILL right after the
 * step is marked running (before the agent is asked) or right after the agent answered (before the
 * answer is persisted) — the two moments a crash can split.
 */
function crashPoint(kind: OperationKind, stepKey: string, moment: 'before' | 'after') {
  if (process.env.SYNCSAFE_TEST_CRASH_AT === `${kind}:${stepKey}:${moment}`) process.kill(process.pid, 'SIGKILL');
}

/** The command built for a step is the step's own (the schema parse returns the union of all commands). */
function isCommandOf<C extends AgentStepCommandName>(command: AgentStepCommandInput, name: C): command is Extract<AgentStepCommandInput, { command: C }> {
  return command.command === name;
}

/** The step's effects, typed by its command (see step-effects.ts). */
function effectOf<C extends AgentStepCommandName>(command: C): StepEffect<C> | undefined {
  return stepEffects[command];
}

/** The operation being run: what each of its steps needs. */
interface RunContext {
  operationId: string;
  kind: OperationKind;
  job: Job;
  options: JobOptions;
  inputs: StepInputs;
}

/**
 * Runs operations step by step against the agents. Every step's status is persisted before and after it
 * runs, and the step's id is the agent's idempotency key: after a crash, `resumeAll` picks each pending
 * or running operation up where it stopped, and re-posting a step that was running returns its first
 * result instead of executing it again. What a command needs besides its agent call (setting up
 * protection, syncing snapshots, emptying the queue…) is its row in `stepEffects`; the runner itself
 * knows no command.
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

  /**
   * Starts no new step; resolves once the steps in hand are done and persisted, so nothing writes after
   * (the server's graceful close awaits it before the database closes). What is left resumes at next start.
   */
  async stop() {
    this.isStopping = true;
    await Promise.allSettled(this.active.values());
  }

  private async run(operationId: string) {
    const { prisma } = this.db;
    const operation = await prisma.operation.findUnique({ where: { id: operationId }, include: { steps: { orderBy: { index: 'asc' } }, job: { include: { source: true, target: true, testServer: true } } } });
    if (!operation || operation.status === 'succeeded' || operation.status === 'failed') return;
    if (operation.status === 'pending') {
      await this.write(async (tx) => {
        await tx.operation.update({ where: { id: operationId }, data: { status: 'running', startedAt: new Date() } });
        await publishOperation(tx, operationId);
      });
    }
    const { source, target, testServer, ...job } = operation.job;
    const options = JobOptionsSchema.parse(job.options);
    const steps = operation.steps.map(readStoredStep);
    const servers = new Map([source, target, testServer].filter((s) => s !== null).map((s) => [s.id, s]));
    for (const { row } of steps) {
      if (row.serverId && !servers.has(row.serverId)) {
        const extra = await prisma.server.findUnique({ where: { id: row.serverId } });
        if (extra) servers.set(extra.id, extra);
      }
    }
    const inputs: StepInputs = {
      jobId: job.id,
      directories: job.directories,
      replicaRoot: job.replicaRoot,
      options,
      input: operationInput(operation),
      servers,
      steps: new Map(steps.map(({ row, command }) => [row.key, { command, serverId: row.serverId, ...(row.status === 'succeeded' ? { result: row.result } : {}) }])),
    };
    const context: RunContext = { operationId, kind: fromRowEnum(operation.kind), job, options, inputs };

    for (const step of steps) {
      const { status } = step.row;
      if (status === 'succeeded' || status === 'skipped' || status === 'failed') continue;
      if (this.isStopping) return;
      const failure = await this.runStep(context, step);
      if (failure) {
        await finishOperation(prisma, operationId, { status: 'failed', error: failure });
        return;
      }
    }
    await finishOperation(prisma, operationId, { status: 'succeeded' });
  }

  /** Runs one step; returns the operation's failure message, or null to go on. */
  private async runStep<C extends AgentStepCommandName>(run: RunContext, step: StoredStep<C>): Promise<string | null> {
    const { row } = step;
    await this.write(async (tx) => {
      await tx.operationStep.update({ where: { id: row.id }, data: { status: 'running', attempts: { increment: 1 }, startedAt: row.startedAt ?? new Date() } });
      if (row.phase) await tx.job.update({ where: { id: run.job.id }, data: { reversePhase: row.phase } });
      await publishOperation(tx, run.operationId);
      if (row.phase) await publishJob(tx, run.job.id);
    });
    crashPoint(run.kind, row.key, 'before');
    const effect = effectOf(step.command);
    let ctx: StepContext;
    let result: AgentStepResultOf<C>;
    try {
      if (!row.serverId) throw new Error(`step ${row.key} has no server to run on`);
      ctx = { db: this.db, agents: this.agents, log: this.log, job: run.job, options: run.options, step, serverId: row.serverId };
      const prefetch = (await effect?.before?.(ctx)) ?? {};
      const command: AgentStepCommandInput = buildStepCommand(step, run.inputs, prefetch);
      if (!isCommandOf(command, step.command)) throw new Error(`step ${row.key} was built as ${command.command}`);
      const agent = await this.agents(row.serverId);
      // A machine the monitor already sees offline (e.g. the failed source) gets only a short try.
      const isOffline = run.inputs.servers.get(row.serverId)?.status === 'offline';
      const timeoutMs = row.isBestEffort ? (isOffline ? OFFLINE_BEST_EFFORT_TIMEOUT_MS : BEST_EFFORT_TIMEOUT_MS) : undefined;
      result = await agent.runStep<C>(row.id, command, timeoutMs ? { timeoutMs } : {});
    } catch (error) {
      const message = errorText(error);
      await this.write(async (tx) => {
        await tx.operationStep.update({ where: { id: row.id }, data: { status: row.isBestEffort ? 'skipped' : 'failed', error: message, finishedAt: new Date() } });
        await publishOperation(tx, run.operationId);
      });
      this.log.warn({ operationId: run.operationId, step: row.key, kind: run.kind, err: message }, row.isBestEffort ? 'best-effort step skipped' : 'step failed');
      return row.isBestEffort ? null : `${row.key}: ${message}`;
    }
    crashPoint(run.kind, row.key, 'after');
    run.inputs.steps.set(row.key, { command: step.command, serverId: row.serverId, result });
    // The effect's agent I/O (e.g. listing snapshots) happens here, outside the transaction below.
    const effectWrite = await effect?.after?.(ctx, result);
    await this.write(async (tx) => {
      await tx.operationStep.update({ where: { id: row.id }, data: { status: 'succeeded', result: toJson(result), finishedAt: new Date() } });
      if (step.keepsReport) await keepReport(tx, run.operationId, row.key, result);
      await effectWrite?.(tx);
      await publishOperation(tx, run.operationId);
    });
    return null;
  }

  private write(changes: (tx: Prisma.TransactionClient) => Promise<void>) {
    return retryOnWriteConflict(() => this.db.prisma.$transaction(changes));
  }
}

/** Every step result is a JSON object (see AgentStepResultSchemas), and so is an operation's report. */
const JsonObjectSchema = z.record(z.string(), z.json());

/** A step's result in the form the database stores: the JSON the agent answered. */
function toJson(result: object) {
  return JsonObjectSchema.parse(JSON.parse(JSON.stringify(result)));
}

/** The step's result becomes part of the operation's report (what a discard dropped, what a restore did not create). */
async function keepReport(tx: Prisma.TransactionClient, operationId: string, key: string, result: object) {
  const { result: report } = await tx.operation.findUniqueOrThrow({ where: { id: operationId }, select: { result: true } });
  const kept = JsonObjectSchema.parse(report ?? {});
  await tx.operation.update({ where: { id: operationId }, data: { result: { ...kept, [key]: toJson(result) } } });
}
