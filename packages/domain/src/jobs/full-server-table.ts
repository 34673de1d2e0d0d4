import { editAndDeleteRows, type TransitionTable } from './transition-row.ts';

/**
 * Full Server, line by line against the spec ("Full Server Replication"). No Restore or Failback: a
 * failed-over job goes back by Reverse (reverse protection on, not a domain controller, original source
 * machine online), or manually (delete the job and create a new one: `manual-reversal.ts`).
 * Error: a retry follows the rows of the state the failed operation started from (see `decide`).
 */
export const FULL_SERVER_TABLE: TransitionTable = [
  // Failover condition: automatic failover, or (wait for user) notify and let an operator fail over.
  { from: 'protecting', on: 'condition-met', guards: ['waits-for-user'], to: 'failover-condition-met', notifies: true },
  { from: 'protecting', on: 'condition-met', guards: ['fails-over-automatically'], to: 'failing-over', operation: 'failover', note: 'failover is triggered automatically' },
  { from: 'failover-condition-met', on: 'condition-cleared', to: 'protecting' },
  { from: 'test-failed-over', on: 'condition-met', guards: ['waits-for-user'], to: 'test-failed-over', notifies: true, note: 'the test keeps running' },
  { from: 'test-failed-over', on: 'condition-met', guards: ['fails-over-automatically'], to: 'failing-over', operation: 'failover', note: 'live failover undoes the test first' },
  { from: 'test-failed-over', on: 'condition-cleared', to: 'test-failed-over', note: 'the source answers again; the test keeps running' },

  // Failover To Live Data / Failover to a snapshot (unavailable without snapshots).
  { from: 'protecting', on: 'failover', when: { types: ['live'] }, to: 'failing-over', operation: 'failover' },
  { from: 'protecting', on: 'failover', when: { types: ['snapshot'] }, guards: ['has-snapshots'], to: 'failing-over', operation: 'failover' },
  { from: 'failover-condition-met', on: 'failover', when: { types: ['live'] }, to: 'failing-over', operation: 'failover' },
  { from: 'failover-condition-met', on: 'failover', when: { types: ['snapshot'] }, guards: ['has-snapshots'], to: 'failing-over', operation: 'failover' },
  { from: 'failing-over', on: 'operation-succeeded', to: 'failed-over', note: 'the target becomes the source; the target identity no longer exists' },
  { from: 'failing-over', on: 'operation-failed', to: 'error' },

  // Perform Test Failover: protection continues; Undo returns to Protecting.
  { from: 'protecting', on: 'failover', when: { types: ['test'] }, guards: ['has-test-machine'], to: 'test-failing-over', operation: 'test-failover' },
  { from: 'test-failing-over', on: 'operation-succeeded', to: 'test-failed-over' },
  { from: 'test-failing-over', on: 'operation-failed', to: 'error' },
  { from: 'test-failed-over', on: 'undo-failover', to: 'undoing-test', operation: 'undo-failover' },
  { from: 'undoing-test', on: 'operation-succeeded', to: 'protecting' },
  { from: 'undoing-test', on: 'operation-failed', to: 'error' },
  // "Performing a live failover or failing over to a snapshot will automatically undo any test in progress."
  { from: 'test-failed-over', on: 'failover', when: { types: ['live'] }, to: 'failing-over', operation: 'failover', note: 'undoes the test first' },
  { from: 'test-failed-over', on: 'failover', when: { types: ['snapshot'] }, guards: ['has-snapshots'], to: 'failing-over', operation: 'failover', note: 'undoes the test first' },
  // "During the test, any scheduled snapshots will be deferred until after the test server is online."
  { from: 'test-failed-over', on: 'take-snapshot', to: 'test-failed-over', operation: 'take-snapshot' },
  { from: 'error', on: 'undo-failover', guards: ['failed-during-test'], to: 'undoing-test', operation: 'undo-failover', note: 'clean up a test failover that failed part-way' },

  // Reversing Full Server Jobs - Automatic Reverse Replication Enabled: Restoring → Synchronizing → reboot.
  {
    from: 'failed-over',
    on: 'reverse',
    guards: ['has-reverse-protection', 'source-not-domain-controller', 'original-source-online', 'production-adapter-up'],
    to: 'reversing',
    operation: 'reverse',
  },
  { from: 'reversing', on: 'operation-succeeded', to: 'protecting', note: 'protection runs the other way' },
  { from: 'reversing', on: 'operation-failed', to: 'error' },

  // Start / Stop.
  { from: 'stopped', on: 'start', to: 'starting', operation: 'start' },
  { from: 'starting', on: 'operation-succeeded', to: 'protecting' },
  { from: 'starting', on: 'operation-failed', to: 'error' },
  { from: 'protecting', on: 'stop', to: 'stopping', operation: 'stop' },
  { from: 'failover-condition-met', on: 'stop', to: 'stopping', operation: 'stop' },
  { from: 'stopping', on: 'operation-succeeded', to: 'stopped' },
  { from: 'stopping', on: 'operation-failed', to: 'error' },

  { from: 'protecting', on: 'take-snapshot', to: 'protecting', operation: 'take-snapshot' },

  // Delete a failed-over job: the manual reversal. Not during a test (the test machine would be left running).
  ...editAndDeleteRows(['protecting', 'failover-condition-met', 'failed-over', 'test-failed-over', 'stopped', 'error'], ['test-failed-over']),
];
