import { jobStateLabels, type JobState } from '@syncsafe/contracts';
import type { Prisma, PrismaClient } from '@syncsafe/db';
import { decide, roleServer, type JobCommandInput, type JobFacts, type PlannedOperation } from '@syncsafe/domain';
import { AppError, notFound } from '../../lib/app-error.ts';
import { appendAudit, type Actor } from '../audit/append-audit.ts';
import { publishJob, publishOperation } from './publish-job.ts';
import { loadJobContext } from './load-job.ts';

export interface CommandMeta {
  actor: Actor;
  expectedVersion?: number | undefined;
  idempotencyKey?: string | undefined;
}

type Refusal = { code: 'conflict' | 'validation_failed'; message: string; details: unknown };

/** The server a planned step runs on, by the role its machine plays in the job now. */
export function serverForStep(facts: JobFacts, machine: string, input: JobCommandInput): string | null {
  if (machine === 'source' || machine === 'target') return roleServer(facts, machine).id;
  if (machine === 'test') return facts.servers.test?.id ?? null;
  if (machine === 'restore-destination') return (input.command === 'restore' && input.serverId) || facts.servers.source.id;
  return null;
}

/** Locks the job row for the rest of the transaction: concurrent commands on one job queue up here. */
export async function lockJob(tx: Prisma.TransactionClient, jobId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM jobs WHERE id = ${jobId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw notFound('Job');
}

async function recordRefusal(tx: Prisma.TransactionClient, jobId: string, state: JobState, input: JobCommandInput, meta: CommandMeta, refusal: Refusal) {
  await tx.jobTransition.create({
    data: { jobId, fromState: state, trigger: input.command, actorName: meta.actor.name, isValid: false, error: refusal.message, options: input as object },
  });
  await appendAudit(tx, meta.actor, {
    action: `job.${input.command}`,
    target: { type: 'job', id: jobId },
    before: { state },
    after: { options: input },
    outcome: 'refused',
    reason: refusal.message,
  });
}

async function createOperation(tx: Prisma.TransactionClient, jobId: string, facts: JobFacts, planned: PlannedOperation, meta: CommandMeta, warnings: unknown) {
  try {
    return await tx.operation.create({
      data: {
        jobId,
        kind: planned.kind,
        status: 'pending',
        activeJobId: jobId,
        options: { input: planned.input, warnings } as object,
        fromState: facts.state,
        basisState: planned.basisState,
        runningState: planned.runningState,
        actorId: meta.actor.id,
        actorName: meta.actor.name,
        idempotencyKey: meta.idempotencyKey ?? null,
        steps: {
          create: planned.steps.map((step, index) => ({
            index,
            key: step.key,
            machine: step.machine,
            serverId: serverForStep(facts, step.machine, planned.input),
            command: step.command,
            phase: step.phase ?? null,
            isBestEffort: step.isBestEffort ?? false,
            args: { ...step.args, description: step.description, keepsReport: step.keepsReport ?? false, consumes: step.consumes ?? null } as object,
            status: 'pending',
          })),
        },
      },
    });
  } catch (error) {
    // The database's own guard: one active operation per job (activeJobId is unique).
    if ((error as { code?: string }).code === 'P2002') throw new AppError('conflict', 'Another operation is already running on this job');
    throw error;
  }
}

/**
 * A toolbar command on a job: checked by the domain's transition function, then persisted as an
 * operation with its steps, in one transaction with the job's new state, the transition, the audit
 * record and the stream events. Refusals are recorded too. Returns the operation id to run.
 */
export async function submitCommand(prisma: PrismaClient, jobId: string, input: JobCommandInput, meta: CommandMeta) {
  const outcome = await prisma.$transaction((tx) => persistCommand(tx, jobId, input, meta));
  if (outcome.operationId === null) {
    const error = new AppError(outcome.refusal.code, outcome.refusal.message, outcome.refusal.details);
    error.isAudited = true;
    throw error;
  }
  return { operationId: outcome.operationId, isRepeat: outcome.isRepeat };
}

/** `submitCommand` inside a caller's transaction (job creation starts protection in the same one). */
export async function persistCommand(tx: Prisma.TransactionClient, jobId: string, input: JobCommandInput, meta: CommandMeta) {
  await lockJob(tx, jobId);
  if (meta.idempotencyKey) {
    const repeat = await tx.operation.findUnique({ where: { jobId_idempotencyKey: { jobId, idempotencyKey: meta.idempotencyKey } } });
    if (repeat) return { operationId: repeat.id, isRepeat: true };
  }
  const { row, facts } = await loadJobContext(tx, jobId);
  if (meta.expectedVersion !== undefined && meta.expectedVersion !== row.version) {
    const refusal: Refusal = {
      code: 'conflict',
      message: `Job ${row.name} changed since you looked at it (version ${row.version}, you had ${meta.expectedVersion}); it is ${jobStateLabels[facts.state]} now`,
      details: { state: facts.state, currentVersion: row.version },
    };
    await recordRefusal(tx, jobId, facts.state, input, meta, refusal);
    return { refusal, operationId: null };
  }
  const decision = decide(facts, input);
  if (decision.outcome === 'refused') {
    const refusal: Refusal = {
      code: decision.code === 'invalid-option' ? 'validation_failed' : 'conflict',
      message: decision.code === 'invalid-option' ? decision.reason : `${decision.reason} Allowed now: ${decision.allowedCommands.join(', ') || 'nothing'}.`,
      details:
        decision.code === 'invalid-option'
          ? [{ field: decision.field, message: decision.reason }]
          : { state: decision.state, stateLabel: jobStateLabels[decision.state], allowedCommands: decision.allowedCommands },
    };
    await recordRefusal(tx, jobId, facts.state, input, meta, refusal);
    return { refusal, operationId: null };
  }
  if (!decision.operation) throw new Error(`${input.command} has no operation; use its own service`);
  const operation = await createOperation(tx, jobId, facts, decision.operation, meta, decision.warnings);
  await tx.job.update({
    where: { id: jobId },
    data: { state: decision.to as JobState, version: { increment: 1 }, lastError: null, ...(decision.to === 'reversing' ? { reversePhase: 'restoring' } : {}) },
  });
  await tx.jobTransition.create({
    data: { jobId, fromState: facts.state, toState: decision.to, trigger: input.command, operationId: operation.id, actorName: meta.actor.name, isValid: true, options: input as object },
  });
  await appendAudit(tx, meta.actor, {
    action: `job.${input.command}`,
    target: { type: 'job', id: jobId, name: row.name },
    before: { state: facts.state, version: row.version },
    after: { state: decision.to, operationId: operation.id, options: input, warnings: decision.warnings.map((w) => w.code) },
    outcome: 'success',
  });
  await publishJob(tx, jobId);
  await publishOperation(tx, operation.id);
  return { operationId: operation.id, isRepeat: false };
}
