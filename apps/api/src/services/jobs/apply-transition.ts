import type { JobState } from '@syncsafe/contracts';
import { type Prisma, toRowEnum } from '@syncsafe/db';
import type { EnteringEffects, JobCommandInput, JobNotice, JobTrigger } from '@syncsafe/domain';
import { notFound } from '../../lib/app-error.ts';
import { appendAudit, type Actor, type AuditEntry } from '../audit/append-audit.ts';
import { emitEvent } from '../events/emit-event.ts';
import { notify } from '../notifications/notify.ts';
import type { JobRow } from './load-job.ts';
import { publishJob, publishOperation } from './publish-job.ts';

/** Locks the job row for the rest of the transaction: concurrent changes of one job queue up here. */
export async function lockJob(tx: Prisma.TransactionClient, jobId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM jobs WHERE id = ${jobId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw notFound('Job');
}

/** The job as locked and loaded by the caller (`lockJob`, then `loadJobContext`). */
type LockedJob = Pick<JobRow, 'id' | 'name' | 'conditionMetAt'> & { state: JobState };

/** A move of the job's machine, as the domain decided it, and what the caller changes with it. */
export interface Transition {
  job: LockedJob;
  trigger: JobTrigger;
  actor: Actor;
  to: JobState | 'deleted';
  /** What entering `to` changes besides the state (the domain's `effects`). */
  effects: EnteringEffects;
  /** Columns the move changes besides the state (an edit's configuration, what an operation's end settles). */
  changes?: Omit<Prisma.JobUncheckedUpdateInput, 'state' | 'version' | 'reversePhase' | 'conditionMetAt'>;
  /** The command's input (null for events). */
  input?: JobCommandInput | null;
  operationId?: string | null;
  /** Why the move is an error (an operation that failed). */
  error?: string | null;
  /** False when the domain had no row for the move (an operation's end it did not expect); default true. */
  isValid?: boolean;
  audit: Omit<AuditEntry, 'target'>;
  notification?: JobNotice | null;
}

type TransitionRow = Omit<Prisma.JobTransitionUncheckedCreateInput, 'fromState' | 'toState' | 'input'> & {
  fromState: JobState;
  toState: JobState | null;
  input: JobCommandInput | null;
};

/** Every attempted move is appended here, valid or refused: the job's history. */
function appendTransition(tx: Prisma.TransactionClient, row: TransitionRow) {
  const { fromState, toState, input, ...rest } = row;
  return tx.jobTransition.create({
    data: { ...rest, fromState: toRowEnum(fromState), toState: toState === null ? null : toRowEnum(toState), input: input ?? undefined },
  });
}

/**
 * Writes one move of a job's machine, inside the caller's transaction (the job locked): the job's new
 * state, version and the effects of entering it, the transition row, the audit record, the
 * notification the domain raises, and the stream events (the job, or its deletion, and the operation).
 */
export async function applyTransition(tx: Prisma.TransactionClient, t: Transition) {
  const { job } = t;
  if (t.to === 'deleted') {
    await tx.job.delete({ where: { id: job.id } });
  } else {
    await tx.job.update({
      where: { id: job.id },
      data: {
        ...t.changes,
        state: toRowEnum(t.to),
        version: { increment: 1 },
        reversePhase: t.effects.reversePhase,
        conditionMetAt: t.effects.isConditionMet ? (t.trigger === 'condition-met' ? new Date() : job.conditionMetAt) : null,
      },
    });
    await appendTransition(tx, {
      jobId: job.id,
      fromState: job.state,
      toState: t.to,
      trigger: t.trigger,
      operationId: t.operationId ?? null,
      actorName: t.actor.name,
      isValid: t.isValid ?? true,
      error: t.error ?? null,
      input: t.input ?? null,
    });
  }
  await appendAudit(tx, t.actor, { ...t.audit, target: { type: 'job', id: job.id, name: job.name } });
  if (t.notification) await notify(tx, t.notification.kind, job.id, `${job.name}: ${t.notification.message}`);
  if (t.to === 'deleted') await emitEvent(tx, { type: 'job.deleted', data: { id: job.id } }, job.id);
  else await publishJob(tx, job.id);
  if (t.operationId) await publishOperation(tx, t.operationId);
}

/** A refused command: the transition row (isValid false) and a refused audit record; the job is unchanged. */
export async function recordRefusal(tx: Prisma.TransactionClient, t: { job: LockedJob; actor: Actor; input: JobCommandInput; reason: string }) {
  await appendTransition(tx, {
    jobId: t.job.id,
    fromState: t.job.state,
    toState: null,
    trigger: t.input.command,
    actorName: t.actor.name,
    isValid: false,
    error: t.reason,
    input: t.input,
  });
  await appendAudit(tx, t.actor, {
    action: `job.${t.input.command}`,
    target: { type: 'job', id: t.job.id, name: t.job.name },
    before: { state: t.job.state },
    after: { input: t.input },
    outcome: 'refused',
    reason: t.reason,
  });
}
