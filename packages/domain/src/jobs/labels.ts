import type { JobType, OperationKind } from '@syncsafe/contracts';

export const jobTypeLabels: Record<JobType, string> = {
  'files-and-folders': 'Files and Folders',
  'full-server': 'Full Server',
};

/** An operation as the Jobs page names it while it runs. */
export const operationLabels: Record<OperationKind, string> = {
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
