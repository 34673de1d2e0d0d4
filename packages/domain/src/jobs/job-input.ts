import type { FailoverInput, JobCommand } from '@syncsafe/contracts';

export type { EditInput, FailoverInput, JobCommandInput, RestoreInput, SimpleCommand, TakeSnapshotInput } from '@syncsafe/contracts';

/** Events the machine reacts to besides commands. */
export type ConditionEvent = 'condition-met' | 'condition-cleared';
export type OperationEvent = 'operation-succeeded' | 'operation-failed';
export type JobEvent = ConditionEvent | OperationEvent;
export type JobTrigger = JobCommand | JobEvent;

/** What the failover monitor runs when the condition is met and the job does not wait for the user. */
export const AUTOMATIC_FAILOVER: FailoverInput = { command: 'failover', type: 'live', queue: 'apply', leaveSourceRunning: false };
