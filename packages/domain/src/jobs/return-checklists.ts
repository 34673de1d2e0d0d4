import type { Checklist, ChecklistItem, ReturnOrder } from '@syncsafe/contracts';
import type { JobFacts } from './job-facts.ts';
import { basisStateOf } from './state-groups.ts';

type ItemSpec = Omit<ChecklistItem, 'mayBeSkipped'> & { skipFor?: (facts: JobFacts) => boolean };

/**
 * The spec's manual steps around Restore and Failback (Files and Folders), in its two orders. The dialog
 * clicks themselves (Restore, pick the server, Continue, Failback) are the dialogs; what remains is what
 * the operator does on the machines. Each tick is audited; `verification` marks what the console checks.
 */
const RESTORE_THEN_FAILBACK: ItemSpec[] = [
  {
    id: 'rtf-fix-source-off-network',
    stage: 'before-restore',
    text: 'Resolve the problem(s) on the source that caused it to fail, without bringing it onto the network: the target has the source’s identity because of failover.',
    verification: null,
    skipWhen: null,
  },
  {
    id: 'rtf-disable-failed-over-addresses',
    stage: 'before-restore',
    text: 'Disable all of the IP addresses on the source that you failed over to the target.',
    verification: null,
    skipWhen: null,
  },
  {
    id: 'rtf-new-unique-address',
    stage: 'before-restore',
    text: 'If you failed over all of the source’s IP addresses, change an existing IP address on the source to a new, unique IP address that the target can access.',
    verification: null,
    skipWhen: 'The source was added to the console by a reserved IP address or a public NAT address that was not failed over.',
    skipFor: (f) => f.servers.source.addressKind === 'reserved' || f.servers.source.addressKind === 'public_nat',
  },
  {
    id: 'rtf-no-dns-registration',
    stage: 'before-restore',
    text: 'Configure the new, unique IP address (or the reserved IP address you are using) so that it does not register with DNS automatically (Advanced TCP/IP Settings, DNS tab).',
    verification: null,
    skipWhen: null,
  },
  {
    id: 'rtf-bring-source-online',
    stage: 'before-restore',
    text: 'Bring the source onto the network using the IP address the target can access. You can disregard identity conflict errors.',
    verification: 'destination-reachable',
    skipWhen: null,
  },
  {
    id: 'rtf-stop-applications',
    stage: 'before-restore',
    text: 'Stop any applications that may be running on the source: files must be closed so that the updated files from the target overwrite them.',
    verification: 'files-closed',
    skipWhen: null,
  },
  {
    id: 'rtf-update-source-address',
    stage: 'before-restore',
    text: 'If you created a new, unique IP address on the source, update the source on the Servers page to use it (edit its address, or remove it and add it back), with a local account that is a member of the Double-Take Admin and Administrators groups.',
    verification: null,
    skipWhen: 'The source was added to the console by a private IP address or a public NAT address.',
    skipFor: (f) => f.servers.source.addressKind === 'private' || f.servers.source.addressKind === 'public_nat',
  },
  {
    id: 'rtf-enable-addresses',
    stage: 'after-failback',
    text: 'After failback is complete and the job is stopped, enable or add the IP addresses on the source that you disabled earlier. Keep any new addresses you created: the job still uses them.',
    verification: null,
    skipWhen: null,
  },
  {
    id: 'rtf-edit-if-new-source',
    stage: 'after-failback',
    text: 'If you restored to a new source and are going to enable protection again, edit the job to reconfigure its failover settings.',
    verification: null,
    skipWhen: 'The data was restored to the job’s own source.',
    skipFor: (f) => f.lastRestoreServerId === null || f.lastRestoreServerId === f.servers.source.id,
  },
  { id: 'rtf-start', stage: 'after-failback', text: 'Click Start to restart protection.', verification: null, skipWhen: null },
];

const FAILBACK_THEN_RESTORE: ItemSpec[] = [
  {
    id: 'ftr-fix-source-off-network',
    stage: 'before-failback',
    text: 'Remove the source from the network and fix the issue that caused it to fail. Do not bring it onto the network: the target has the source’s identity because of failover.',
    verification: null,
    skipWhen: null,
  },
  {
    id: 'ftr-schedule',
    stage: 'before-failback',
    text: 'Schedule a time for the failback and restoration that will have minimal disruption on your users.',
    verification: null,
    skipWhen: null,
  },
  {
    id: 'ftr-power-on-disconnected',
    stage: 'before-failback',
    text: 'Power on the source if it is not on already, without connecting it to the network. Prohibit user access to both the source and the target.',
    verification: null,
    skipWhen: null,
  },
  {
    id: 'ftr-connect-source',
    stage: 'before-restore',
    text: 'Once failback is complete, connect the source to the network. Keep end users off both the source and the target: the updated data from the target still has to be restored to the source.',
    verification: 'destination-reachable',
    skipWhen: null,
  },
  {
    id: 'ftr-stop-applications',
    stage: 'before-restore',
    text: 'Stop any applications that may be running on the source: files must be closed so that the updated files from the target overwrite them.',
    verification: 'files-closed',
    skipWhen: null,
  },
  {
    id: 'ftr-allow-users',
    stage: 'after-restore',
    text: 'When the restoration is complete the job is stopped automatically: users may access the source again.',
    verification: null,
    skipWhen: null,
  },
  {
    id: 'ftr-edit-if-new-source',
    stage: 'after-restore',
    text: 'If you restored to a new source and are going to enable protection again, edit the job to reconfigure its failover settings.',
    verification: null,
    skipWhen: 'The data was restored to the job’s own source, or not restored.',
    skipFor: (f) => f.lastRestoreServerId === null || f.lastRestoreServerId === f.servers.source.id,
  },
  { id: 'ftr-start', stage: 'after-restore', text: 'Click Start to restart protection.', verification: null, skipWhen: null },
];

const ORDERS: Record<ReturnOrder, { title: string; description: string; items: ItemSpec[] }> = {
  'restore-then-failback': {
    title: 'Restore, then fail back',
    description:
      'Users keep working on the target, which stands in for the source, while the data is restored; keep them off the source, but let the source and target communicate. Restoring before failback reduces user downtime.',
    items: RESTORE_THEN_FAILBACK,
  },
  'failback-then-restore': {
    title: 'Fail back, then restore',
    description:
      'Simpler where IP addressing policies are strict, but users cannot reach their data during both the failback and the restoration, so downtime is longer. To fail back without restoring, follow this order and choose Do Not Restore Data: changes made on the target during failover are then lost.',
    items: FAILBACK_THEN_RESTORE,
  },
};

/** The order the job follows now: set by its first step back (restore first, or failback first). */
export function currentReturnOrder(facts: JobFacts): ReturnOrder | null {
  const basis = basisStateOf(facts);
  if (basis === 'restored') return 'restore-then-failback';
  if (basis === 'failed-back') return 'failback-then-restore';
  return null;
}

export function returnChecklists(facts: JobFacts): Checklist[] {
  const current = currentReturnOrder(facts);
  return (Object.keys(ORDERS) as ReturnOrder[]).map((order) => ({
    order,
    title: ORDERS[order].title,
    description: ORDERS[order].description,
    isCurrent: current === order,
    items: ORDERS[order].items.map(({ skipFor, ...item }) => ({ ...item, mayBeSkipped: skipFor ? skipFor(facts) : false })),
  }));
}
