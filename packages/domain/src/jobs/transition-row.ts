import type { FailoverType, JobState, OperationKind } from '@syncsafe/contracts';
import type { GuardName } from './guards.ts';
import type { JobTrigger } from './job-input.ts';

/**
 * One line of a job type's lifecycle: in `from`, on a command or an event, go to `to`.
 * - `when` routes by the command's options (failover type, Restore Data or not);
 * - `guards` must all hold (each has the reason shown when it does not);
 * - `operation` is what the command starts: `to` is then the state the job is in while it runs (the
 *   same state for Take Snapshot), and the operation's outcome rows leave it;
 * - `notifies` asks the API for a notification every console sees (wait for user);
 * - `deleted` is not a state: the job is removed.
 */
export interface TransitionRow {
  from: JobState;
  on: JobTrigger;
  to: JobState | 'deleted';
  when?: { types?: readonly FailoverType[]; restoreData?: boolean };
  guards?: readonly GuardName[];
  operation?: OperationKind;
  notifies?: boolean;
  /** Where the row comes from in the spec, or why it exists. */
  note?: string;
}

export type TransitionTable = readonly TransitionRow[];

/** Edit in the given stable states (what it may change: `editable-fields.ts`), and Delete in all but `notDeletable`. */
export function editAndDeleteRows(states: readonly JobState[], notDeletable: readonly JobState[] = []): TransitionRow[] {
  return states.flatMap((from) => [
    { from, on: 'edit', to: from } satisfies TransitionRow,
    ...(notDeletable.includes(from) ? [] : [{ from, on: 'delete', to: 'deleted' } satisfies TransitionRow]),
  ]);
}
