// The product's words for each enum value, kept once for the domain (refusal reasons, the docs'
// tables), the API's messages and the console.
import type { JobCommand, JobState, JobType, OperationKind, ReversePhase, SnapshotType } from './jobs.ts';

export const jobTypeLabels: Record<JobType, string> = {
  'files-and-folders': 'Files and Folders',
  'full-server': 'Full Server',
};

export const jobStateLabels: Record<JobState, string> = {
  protecting: 'Protecting',
  'failover-condition-met': 'Failover condition met',
  'failing-over': 'Failing over',
  'failed-over': 'Failed over',
  'test-failing-over': 'Test failing over',
  'test-failed-over': 'Test failed over',
  'undoing-test': 'Undoing test failover',
  restoring: 'Restoring',
  restored: 'Restored',
  'failing-back': 'Failing back',
  'failed-back': 'Failed back',
  reversing: 'Reversing',
  starting: 'Starting',
  stopping: 'Stopping',
  stopped: 'Stopped',
  error: 'Error',
};

export const jobCommandLabels: Record<JobCommand, string> = {
  failover: 'Failover or Cutover',
  'undo-failover': 'Undo Failover or Cutover',
  restore: 'Restore',
  failback: 'Failback',
  reverse: 'Reverse',
  start: 'Start',
  stop: 'Stop',
  'take-snapshot': 'Take Snapshot',
  edit: 'Edit',
  delete: 'Delete',
};

/** An operation as the Jobs page and the refusal reasons name it while it runs. */
export const operationKindLabels: Record<OperationKind, string> = {
  failover: 'Failover',
  'test-failover': 'Test failover',
  'undo-failover': 'Undo test failover',
  restore: 'Restore',
  failback: 'Failback',
  reverse: 'Reverse',
  start: 'Start',
  stop: 'Stop',
  'take-snapshot': 'Take Snapshot',
};

export const reversePhaseLabels: Record<ReversePhase, string> = {
  restoring: 'Restoring',
  synchronizing: 'Synchronizing',
  rebooting: 'Rebooting',
};

/** The spec's snapshot types ("the Type indicates the kind of snapshot"), plus the agent's automatic one. */
export const snapshotTypeLabels: Record<SnapshotType, string> = {
  scheduled: 'Scheduled',
  deferred: 'Deferred',
  manual: 'Manual',
  automatic: 'Automatic',
};
