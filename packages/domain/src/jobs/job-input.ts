import type { EditableJobField, FailoverType, JobCommand, QueueChoice } from '@syncsafe/contracts';

/** Failover or Cutover, with the dialog's options (FailoverRequestSchema without expectedVersion). */
export interface FailoverInput {
  command: 'failover';
  type: FailoverType;
  queue: QueueChoice;
  /** Failover To A Snapshot: the console id of the chosen snapshot. */
  snapshotId?: string;
  /** "Leave source services running" / "Leave source cluster resources online" (live and snapshot only). */
  leaveSourceRunning?: boolean;
}

/** Restore, with the dialog's options (RestoreRequestSchema without expectedVersion). */
export interface RestoreInput {
  command: 'restore';
  /** Restore Data (true) or Do Not Restore Data (false). */
  restoreData: boolean;
  /** The server to restore to; the job's source by default. */
  serverId?: string;
  /** Port override for a server behind a public NAT address. */
  port?: number;
}

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
