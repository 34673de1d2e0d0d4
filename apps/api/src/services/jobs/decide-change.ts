import type { Prisma } from '@syncsafe/db';
import { decide, type AllowedDecision, type JobCommandInput } from '@syncsafe/domain';
import type { AppError } from '../../lib/app-error.ts';
import type { Actor } from '../audit/append-audit.ts';
import { recordRefusal } from './apply-transition.ts';
import type { JobContext } from './load-job.ts';
import { refusalError, versionConflict } from './refusal.ts';

export type ChangeDecision = { decision: AllowedDecision; error?: never } | { error: AppError; decision?: never };

/**
 * Asks the domain about a change of a locked job, after checking the version the caller saw. A refusal
 * is recorded (transition row, audit record) in the caller's transaction, which must commit it and then
 * throw the error (marked as audited).
 */
export async function decideChange(tx: Prisma.TransactionClient, { row, facts }: JobContext, actor: Actor, input: JobCommandInput, expectedVersion?: number): Promise<ChangeDecision> {
  let error: AppError;
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    error = versionConflict(row, facts.state, expectedVersion);
  } else {
    const decision = decide(facts, input);
    if (decision.outcome === 'allowed') return { decision };
    error = refusalError(decision);
  }
  await recordRefusal(tx, { job: { ...row, state: facts.state }, actor, input, reason: error.message });
  error.isAudited = true;
  return { error };
}
