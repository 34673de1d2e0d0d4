import type { ActionWarning } from '@syncsafe/contracts';
import { type Prisma, type PrismaClient, toRowEnum } from '@syncsafe/db';
import { serverForStep, type AllowedDecision, type JobCommandInput, type JobFacts, type JobNotice, type JobTrigger, type PlannedOperation } from '@syncsafe/domain';
import { AppError } from '../../lib/app-error.ts';
import { isUniqueViolation } from '../../lib/unique-violation.ts';
import type { Actor } from '../audit/append-audit.ts';
import { applyTransition, lockJob } from './apply-transition.ts';
import { decideChange } from './decide-change.ts';
import { loadJobContext, type JobContext } from './load-job.ts';

export interface CommandMeta {
  actor: Actor;
  expectedVersion?: number | undefined;
  idempotencyKey?: string | undefined;
}

async function createOperation(tx: Prisma.TransactionClient, facts: JobFacts, jobId: string, planned: PlannedOperation, meta: CommandMeta, warnings: ActionWarning[]) {
  try {
    return await tx.operation.create({
      data: {
        jobId,
        kind: toRowEnum(planned.kind),
        status: 'pending',
        activeJobId: jobId,
        input: planned.input,
        warnings,
        fromState: toRowEnum(facts.state),
        basisState: toRowEnum(planned.basisState),
        runningState: toRowEnum(planned.runningState),
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
            args: { ...step.args, description: step.description, keepsReport: step.keepsReport ?? false, consumes: step.consumes ?? null },
            status: 'pending',
          })),
        },
      },
    });
  } catch (error) {
    // The database's own guard: one active operation per job (activeJobId is unique; so is an Idempotency-Key).
    if (isUniqueViolation(error)) throw new AppError('conflict', 'Another operation is already running on this job');
    throw error;
  }
}

/**
 * Persists an allowed decision that starts an operation: the operation with its planned steps, and the
 * transition into its running state (recorded with its trigger: the command, or the failover
 * monitor's `condition-met`). Returns the operation id to run.
 */
export async function startOperation(
  tx: Prisma.TransactionClient,
  { row, facts }: JobContext,
  decision: AllowedDecision & { operation: PlannedOperation },
  t: { trigger: JobTrigger; effects: AllowedDecision['effects']; notification?: JobNotice | null; meta: CommandMeta },
) {
  const { input } = decision.operation;
  const operation = await createOperation(tx, facts, row.id, decision.operation, t.meta, decision.warnings);
  await applyTransition(tx, {
    job: { ...row, state: facts.state },
    trigger: t.trigger,
    actor: t.meta.actor,
    to: decision.to,
    effects: t.effects,
    changes: { lastError: null },
    input,
    operationId: operation.id,
    audit: {
      action: `job.${t.trigger}`,
      before: { state: facts.state, version: row.version },
      after: { state: decision.to, operationId: operation.id, input, warnings: decision.warnings.map((w) => w.code) },
      outcome: 'success',
    },
    notification: t.notification ?? null,
  });
  return operation.id;
}

type Persisted = { operationId: string; isRepeat: boolean } | { operationId: null; error: AppError };

/** `submitCommand` inside a caller's transaction (job creation starts protection in the same one). */
export async function persistCommand(tx: Prisma.TransactionClient, jobId: string, input: JobCommandInput, meta: CommandMeta): Promise<Persisted> {
  await lockJob(tx, jobId);
  if (meta.idempotencyKey) {
    const repeat = await tx.operation.findUnique({ where: { jobId_idempotencyKey: { jobId, idempotencyKey: meta.idempotencyKey } } });
    if (repeat) return { operationId: repeat.id, isRepeat: true };
  }
  const context = await loadJobContext(tx, jobId);
  const { decision, error } = await decideChange(tx, context, meta.actor, input, meta.expectedVersion);
  if (error) return { operationId: null, error };
  if (!decision.operation) throw new Error(`${input.command} has no operation; use its own service`);
  const operationId = await startOperation(tx, context, { ...decision, operation: decision.operation }, { trigger: input.command, effects: decision.effects, meta });
  return { operationId, isRepeat: false };
}

/**
 * A toolbar command on a job: checked by the domain's transition function, then persisted as an
 * operation with its steps, in one transaction with the job's new state, the transition, the audit
 * record and the stream events. Refusals are recorded (committed) too, then thrown.
 */
export async function submitCommand(prisma: PrismaClient, jobId: string, input: JobCommandInput, meta: CommandMeta) {
  const outcome = await prisma.$transaction((tx) => persistCommand(tx, jobId, input, meta));
  if (outcome.operationId === null) throw outcome.error;
  return outcome;
}
