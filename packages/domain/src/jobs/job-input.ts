import type { EditableJobField, JobCommand, JobCommandOptions } from '@syncsafe/contracts';

/** Failover or Cutover, with the dialog's options (its request body without expectedVersion). */
export type FailoverInput = { command: 'failover' } & JobCommandOptions<'failover'>;

/** Restore, with the dialog's options (its request body without expectedVersion). */
export type RestoreInput = { command: 'restore' } & JobCommandOptions<'restore'>;

/** Take Snapshot: a user's click is Manual; the scheduler asks for Scheduled, or Deferred when it had to wait. */
export interface TakeSnapshotInput {
  command: 'take-snapshot';
  snapshotType?: 'manual' | 'scheduled' | 'deferred';
}

/** Edit: the fields of the PATCH body being changed. */
export interface EditInput {
  command: 'edit';
  fields?: EditableJobField[];
}

export type SimpleCommand = Exclude<JobCommand, 'failover' | 'restore' | 'take-snapshot' | 'edit'>;

export type JobCommandInput = FailoverInput | RestoreInput | TakeSnapshotInput | EditInput | { command: SimpleCommand };

/** Events the machine reacts to besides commands. */
export type ConditionEvent = 'condition-met' | 'condition-cleared';
export type OperationEvent = 'operation-succeeded' | 'operation-failed';
export type JobEvent = ConditionEvent | OperationEvent;
export type JobTrigger = JobCommand | JobEvent;

/** What the failover monitor runs when the condition is met and the job does not wait for the user. */
export const AUTOMATIC_FAILOVER: FailoverInput = { command: 'failover', type: 'live', queue: 'apply', leaveSourceRunning: false };
