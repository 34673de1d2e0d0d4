import { jobStateLabels, type JobState } from '@syncsafe/contracts';
import type { RefusedDecision } from '@syncsafe/domain';
import { AppError, badField } from '../../lib/app-error.ts';

/** The HTTP error for a move the domain refused: 400 naming the field of an invalid option, else 409 naming the state and what is allowed. */
export function refusalError(decision: RefusedDecision): AppError {
  if (decision.code === 'invalid-option' && decision.field) return badField(decision.field, decision.reason);
  return new AppError('conflict', `${decision.reason} Allowed now: ${decision.allowedCommands.join(', ') || 'nothing'}.`, {
    state: decision.state,
    stateLabel: jobStateLabels[decision.state],
    allowedCommands: decision.allowedCommands,
  });
}

/** 409 for a change made against a version of the job that is no longer current. */
export function versionConflict(job: { name: string; version: number }, state: JobState, expectedVersion: number): AppError {
  return new AppError(
    'conflict',
    `Job ${job.name} changed since you looked at it (version ${job.version}, you had ${expectedVersion}); it is ${jobStateLabels[state]} now`,
    { state, currentVersion: job.version },
  );
}
