import type { FailoverActionOptions, QueueOption } from '@syncsafe/contracts';

const queue = (choice: QueueOption['choice'], overrides: Partial<QueueOption> = {}): QueueOption => ({
  choice,
  label: { apply: 'Apply Data In Target Queues Before Failover Or Cutover', discard: 'Discard Data In The Target Queues And Failover Or Cutover Immediately', 'revert-if-bad': 'Revert To Last Good Snapshot If Target Data State Is Bad' }[choice],
  description: `${choice} description`,
  types: ['live'],
  allowed: true,
  reason: null,
  queuedBytes: 2048,
  queuedOps: 3,
  estimatedApplySeconds: choice === 'discard' ? null : 4,
  losesBytes: choice === 'discard' ? 2048 : choice === 'apply' ? 0 : null,
  losesOps: choice === 'discard' ? 3 : choice === 'apply' ? 0 : null,
  revertTo: null,
  warnings:
    choice === 'discard'
      ? [{ code: 'discard-loses-queue', severity: 'danger', message: 'Any data in the target queue is lost: 3 operations (2 KB).', appliesTo: { option: 'queue', value: 'discard' } }]
      : [],
  ...overrides,
});

/** The Failover dialog's options for a Files and Folders job, as the actions API gives them. */
export function filesAndFoldersFailoverOptions(): FailoverActionOptions {
  return {
    types: [
      { type: 'live', label: 'Failover To Live Data', description: 'live description', allowed: true, reason: null, warnings: [] },
      { type: 'test', label: 'Perform Test Failover', description: 'test description', allowed: false, reason: 'This option is not available for files and folders jobs.', warnings: [] },
      { type: 'snapshot', label: 'Failover To A Snapshot', description: 'snapshot description', allowed: false, reason: 'This option is not applicable to files and folders jobs.', warnings: [] },
    ],
    queue: [queue('apply'), queue('discard'), queue('revert-if-bad', { types: [], allowed: false, reason: 'Only for Full Server jobs.' })],
    leaveSource: { label: 'Leave source services running', description: 'Keep the services online.', types: ['live'], services: ['Spooler'], allowed: true, reason: null },
    snapshots: [],
  };
}
