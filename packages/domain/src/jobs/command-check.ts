import { type JobCommand, JobCommandSchema, jobCommandLabels, jobStateLabels, jobTypeLabels, operationKindLabels } from '@syncsafe/contracts';
import { firstFailingGuard, GUARDS } from './guards.ts';
import type { JobFacts } from './job-facts.ts';
import { noRowReason } from './refusal-reasons.ts';
import { isStateOf } from './state-groups.ts';
import { rowsFrom } from './tables.ts';
import type { TransitionRow } from './transition-row.ts';

/** Commands a retry from Error may use: those that start an operation, except Take Snapshot (the target may be half-changed). */
const RETRYABLE_FROM_ERROR: readonly JobCommand[] = ['failover', 'undo-failover', 'restore', 'failback', 'reverse', 'start', 'stop'];

export interface CommandCheck {
  command: JobCommand;
  allowed: boolean;
  reason: string | null;
  /** The rows the command may take now, guards not yet applied (the options are derived from them). */
  rows: TransitionRow[];
}

/**
 * The rows a command may take in the job's state. In Error: the Error rows (Edit, Delete, Undo after a
 * failed test), plus, for a command that starts an operation, the rows of the state the failed
 * operation started from: the operator retries it, or takes another path the spec offers from there.
 */
export function candidateRows(facts: JobFacts, command: JobCommand): TransitionRow[] {
  const own = rowsFrom(facts.type, facts.state, command);
  if (facts.state !== 'error' || !facts.failedOperation || !RETRYABLE_FROM_ERROR.includes(command)) return own;
  return [...own, ...rowsFrom(facts.type, facts.failedOperation.basisState, command)];
}

/** Whether a command is allowed now, and why not: the one check both `decide` and `getAllowedActions` use. */
export function checkCommand(facts: JobFacts, command: JobCommand): CommandCheck {
  const label = jobCommandLabels[command];
  const refuse = (reason: string, rows: TransitionRow[] = []): CommandCheck => ({ command, allowed: false, reason, rows });
  if (!isStateOf(facts.type, facts.state)) {
    return refuse(`${label} is not available: ${jobStateLabels[facts.state]} is not a state of a ${jobTypeLabels[facts.type]} job.`);
  }
  if (facts.activeOperation) {
    const running = facts.activeOperation.kind;
    const why =
      command === 'take-snapshot' && facts.state === 'test-failing-over'
        ? 'snapshots are deferred until the test server is online'
        : `${operationKindLabels[running]} is running; wait for it to finish`;
    return refuse(`${label} is not available while the job is ${jobStateLabels[facts.state]}: ${why}.`);
  }
  const rows = candidateRows(facts, command);
  if (rows.length === 0) {
    if (facts.state === 'error' && facts.failedOperation) {
      const failed = operationKindLabels[facts.failedOperation.kind];
      return refuse(`${label} is not available while the job is in Error: ${failed} failed; retry it, or edit or delete the job.`);
    }
    return refuse(noRowReason(facts, command, label));
  }
  if (rows.some((row) => firstFailingGuard(facts, row.guards) === null)) return { command, allowed: true, reason: null, rows };
  const failing = firstFailingGuard(facts, rows[0]!.guards)!;
  return refuse(GUARDS[failing].reason(facts), rows);
}

export function checkAllCommands(facts: JobFacts): Record<JobCommand, CommandCheck> {
  return Object.fromEntries(JobCommandSchema.options.map((command) => [command, checkCommand(facts, command)])) as Record<JobCommand, CommandCheck>;
}

/** The commands allowed now, in toolbar order (what a 409 lists). */
export function allowedCommands(facts: JobFacts): JobCommand[] {
  return JobCommandSchema.options.filter((command) => checkCommand(facts, command).allowed);
}
