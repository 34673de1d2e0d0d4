import { editAndDeleteRows, type TransitionTable } from './transition-row.ts';

/**
 * Files and Folders, line by line against the spec ("Files and Folders Replication").
 * Error: a retry follows the rows of the state the failed operation started from (see `decide`).
 */
export const FILES_AND_FOLDERS_TABLE: TransitionTable = [
  // Failover condition: automatic failover, or (wait for user) notify and let an operator fail over.
  { from: 'protecting', on: 'condition-met', guards: ['waits-for-user'], to: 'failover-condition-met', notifies: true },
  { from: 'protecting', on: 'condition-met', guards: ['fails-over-automatically'], to: 'failing-over', operation: 'failover', note: 'failover is triggered automatically' },
  { from: 'failover-condition-met', on: 'condition-cleared', to: 'protecting' },

  // Initiating a Files and Folders Job Failover: Failover To Live Data only.
  { from: 'protecting', on: 'failover', when: { types: ['live'] }, to: 'failing-over', operation: 'failover' },
  { from: 'failover-condition-met', on: 'failover', when: { types: ['live'] }, to: 'failing-over', operation: 'failover' },
  { from: 'failing-over', on: 'operation-succeeded', to: 'failed-over' },
  { from: 'failing-over', on: 'operation-failed', to: 'error' },

  // Restoring Then Failing Back: restore while users stay on the target, then fail back; the job stops.
  { from: 'failed-over', on: 'restore', when: { restoreData: true }, to: 'restoring', operation: 'restore' },
  { from: 'restored', on: 'restore', when: { restoreData: true }, to: 'restoring', operation: 'restore', note: 'restore again what changed since' },
  { from: 'restoring', on: 'operation-succeeded', guards: ['started-before-failback'], to: 'restored' },
  { from: 'restored', on: 'failback', to: 'failing-back', operation: 'failback' },
  { from: 'failing-back', on: 'operation-succeeded', guards: ['started-after-restore'], to: 'stopped', note: 'after failback is complete the job is stopped' },

  // Failing Back and Then Restoring: fail back, then Restore Data or Do Not Restore Data; the job stops.
  { from: 'failed-over', on: 'failback', to: 'failing-back', operation: 'failback' },
  { from: 'failing-back', on: 'operation-succeeded', guards: ['started-before-restore'], to: 'failed-back' },
  { from: 'failed-back', on: 'restore', when: { restoreData: true }, to: 'restoring', operation: 'restore' },
  { from: 'failed-back', on: 'restore', when: { restoreData: false }, to: 'restoring', operation: 'restore', note: 'Do Not Restore Data: target changes are lost' },
  { from: 'restoring', on: 'operation-succeeded', guards: ['started-after-failback'], to: 'stopped', note: 'the job will automatically be stopped' },
  { from: 'restoring', on: 'operation-failed', to: 'error' },
  { from: 'failing-back', on: 'operation-failed', to: 'error' },

  // Start restarts protection (edit first after a restore to a new source); Stop.
  { from: 'stopped', on: 'start', guards: ['edited-after-restore-to-new-source'], to: 'starting', operation: 'start' },
  { from: 'starting', on: 'operation-succeeded', to: 'protecting' },
  { from: 'starting', on: 'operation-failed', to: 'error' },
  { from: 'protecting', on: 'stop', to: 'stopping', operation: 'stop' },
  { from: 'failover-condition-met', on: 'stop', to: 'stopping', operation: 'stop' },
  { from: 'stopping', on: 'operation-succeeded', to: 'stopped' },
  { from: 'stopping', on: 'operation-failed', to: 'error' },

  // Snapshots of the replica (kept in the same state; a failed snapshot does not change the job).
  { from: 'protecting', on: 'take-snapshot', to: 'protecting', operation: 'take-snapshot' },

  ...editAndDeleteRows(['protecting', 'failover-condition-met', 'failed-over', 'restored', 'failed-back', 'stopped', 'error']),
];
