import { type JobState, type OperationKind, operationKindLabels } from '@syncsafe/contracts';
import { type EnteringEffects, enteringEffects, type JobNotice } from './entering-effects.ts';
import { firstFailingGuard } from './guards.ts';
import { type IdentityHolders, identityHolders } from './identities.ts';
import type { JobFacts, OperationRecord } from './job-facts.ts';
import type { OperationEvent } from './job-input.ts';
import { isTransient } from './state-groups.ts';
import { rowsFrom } from './tables.ts';

export type OperationOutcome = { status: 'succeeded' } | { status: 'failed'; error: string };

export interface CompletedOperation {
  outcome: 'completed';
  trigger: OperationEvent;
  from: JobState;
  to: JobState;
  /**
   * The facts the machine itself changes, ready for the next decision: state, direction, active and
   * failed operation, last restore destination. Everything the agents report is left as it was.
   */
  next: JobFacts;
  /** Which machine holds which identity now. */
  identities: IdentityHolders;
  /** What entering `to` changes besides the state. */
  effects: EnteringEffects;
  /** A failure raises a notification every console shows. */
  notification: JobNotice | null;
}

export type CompletionResult = CompletedOperation | { outcome: 'ignored'; reason: string };

/** Files and Folders: where the restore that just succeeded wrote to (Start waits for an edit if it was a new source). */
function lastRestoreServerIdAfter(facts: JobFacts, operation: OperationRecord, isSuccess: boolean): string | null {
  if (!isSuccess) return facts.lastRestoreServerId;
  if (operation.kind === 'failover' || operation.kind === 'start') return null;
  if (operation.kind === 'restore' && operation.input.command === 'restore') {
    return operation.input.restoreData ? (operation.input.serverId ?? facts.servers.source.id) : null;
  }
  return facts.lastRestoreServerId;
}

/** The notification every console shows when an operation fails. */
export const operationFailedNotice = (kind: OperationKind, error: string): JobNotice => ({ kind: 'operation-failed', message: `${operationKindLabels[kind]} failed: ${error}` });

/**
 * An operation ended: leave its running state by the outcome's row. A failure anywhere leaves the job
 * in Error, remembering the failed operation (a retry follows the rules of the state it started from).
 * Take Snapshot runs in a stable state and leaves it as it was, whatever its outcome.
 */
export function completeOperation(facts: JobFacts, kind: OperationKind, outcome: OperationOutcome): CompletionResult {
  const operation = facts.activeOperation;
  if (!operation) return { outcome: 'ignored', reason: 'No operation is running on the job.' };
  if (operation.kind !== kind) return { outcome: 'ignored', reason: `The running operation is ${operation.kind}, not ${kind}.` };
  const isSuccess = outcome.status === 'succeeded';
  const trigger: OperationEvent = isSuccess ? 'operation-succeeded' : 'operation-failed';
  let to: JobState = facts.state;
  if (isTransient(facts.state)) {
    const row = rowsFrom(facts.type, facts.state, trigger).find((r) => firstFailingGuard(facts, r.guards) === null);
    if (!row || row.to === 'deleted') return { outcome: 'ignored', reason: `No ${trigger} row leaves ${facts.state}.` };
    to = row.to;
  }
  const isReversed = isSuccess && kind === 'reverse' ? !facts.isReversed : facts.isReversed;
  const effects = enteringEffects(facts, trigger, to);
  const next: JobFacts = {
    ...facts,
    isConditionMet: effects.isConditionMet,
    state: to,
    isReversed,
    activeOperation: null,
    failedOperation: to === 'error' ? operation : null,
    lastRestoreServerId: lastRestoreServerIdAfter(facts, operation, isSuccess),
  };
  const notification = outcome.status === 'failed' ? operationFailedNotice(kind, outcome.error) : null;
  return { outcome: 'completed', trigger, from: facts.state, to, next, identities: identityHolders(next), effects, notification };
}
