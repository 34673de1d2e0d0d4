import type { ActionWarning, FailoverType, QueueChoice, ServerService } from '@syncsafe/contracts';
import { formatBytes, plural } from './format.ts';
import type { JobFacts } from './job-facts.ts';
import type { JobCommandInput } from './job-input.ts';
import { lastGoodSnapshot } from './snapshots.ts';
import { isTestInProgress } from './state-groups.ts';

type Code = ActionWarning['code'];
type Severity = ActionWarning['severity'];

const warning = (code: Code, severity: Severity, message: string, option?: string, value?: string): ActionWarning => ({
  code,
  severity,
  message,
  ...(option ? { appliesTo: value === undefined ? { option } : { option, value } } : {}),
});

/**
 * The services of the source identity (as its holder's agent reported them) whose stop command is known
 * to fail right before a Full Server failover: those the product stops, not critical to Windows, that
 * cannot stop (a blocking driver such as some anti-virus). Whatever state they were last seen in: a
 * stopped one may be started again, by hand or by a third-party tool, before failover.
 */
export function servicesThatCannotStop(services: readonly ServerService[]): string[] {
  return services.filter((s) => !s.isCritical && !s.canStop).map((s) => s.name);
}

/** The spec's "Important Considerations For Failover and Failback", for a Full Server live or snapshot failover. */
function fullServerConsiderations(facts: JobFacts, type: FailoverType): ActionWarning[] {
  const on = (code: Code, severity: Severity, message: string) => warning(code, severity, message, 'type', type);
  const cannotStop = facts.source.servicesThatCannotStop;
  const list: ActionWarning[] = [];
  if (!facts.options.hasReverseProtection) {
    list.push(
      on(
        'license-loss',
        'danger',
        'Reverse protection is not enabled for this job: a live failover loses the activated target license. To work around it, uninstall SyncSafe Replicate on the failed-over source (running on the target machine), which deactivates both the source and target licenses, then reinstall it and reactivate the source’s original license.',
      ),
    );
  }
  list.push(
    on(
      'target-identity-gone',
      'warning',
      'The source is shut down if it is still running. The target reboots and applies the source identity, including its system state: after the reboot the target becomes the source, and the target no longer exists.',
    ),
    on(
      'original-machine-state',
      'info',
      facts.options.hasReverseProtection
        ? 'Reverse protection is on: the original source machine must be online and available afterwards so that Reverse can configure it as a target and begin mirroring.'
        : 'Reverse protection is off: afterwards the original source machine must be disconnected from the network and prepared to become a target (manual reversal).',
    ),
  );
  if (isTestInProgress(facts)) {
    list.push(
      on(
        'test-undone-first',
        'warning',
        `The test failover in progress is undone first (its snapshot is ${facts.options.keepTestSnapshotOnUndo ? 'kept' : 'deleted, unless it is the snapshot you fail over to'}).`,
      ),
    );
  }
  if (type === 'snapshot') {
    list.push(on('revert-loses-data', 'danger', 'The data on the target is reverted to the chosen snapshot: changes received after it are not used.'));
  }
  list.push(
    on(
      'services-cannot-stop',
      'warning',
      `Right before failover, every service that is not critical to Windows is stopped. If a stop command fails (for example a blocking driver such as some anti-virus software) or a third-party tool restarts a service, files locked by it may not fail over, and you may have to modify the server by hand after failover.${
        cannotStop.length > 0 ? ` Known not to stop on this source: ${cannotStop.join(', ')}.` : ''
      }`,
    ),
    on('nlb', 'info', 'If the network adapters were configured for network load balancing (NLB), reconfigure it after failover.'),
    on(
      'software-devices',
      'info',
      'Software devices that look like hardware (for example NIC teaming) are not failed over; set them up again after failover.',
    ),
    on(
      'license-activation',
      'info',
      'Windows License Activation does not follow the server: after failover use the appropriate slmgr commands to apply the MAK or KMS configuration and keys.',
    ),
    on(
      'reboot-prompt',
      'info',
      'When you first log in to the failed-over server you may have to give a Windows reboot reason (any reason will do), and you may see a prompt that a device change needs a reboot: you can reboot later.',
    ),
    on(
      'driver-signing',
      'info',
      'Windows 64-bit enforces driver signing: on stop code 0x7b after failover, reboot, press F8 and choose not to enforce the driver signing policy. If the server then boots, a driver’s cat file signature does not match; if it still fails, contact technical support.',
    ),
  );
  return list;
}

function testFailoverNotes(): ActionWarning[] {
  const on = (code: Code, severity: Severity, message: string) => warning(code, severity, message, 'type', 'test');
  return [
    on(
      'adapter-names-must-match',
      'warning',
      'The test failover machine’s network adapters must have the same friendly names as the adapters mapped for live failover (Local Area Network mapped to Network 2 needs an adapter named Network 2), or the test fails.',
    ),
    on(
      'test-isolated-network',
      'info',
      'The source, target and protection job stay online during the test. A snapshot of the target is mirrored to the test machine, which reboots to finish; it keeps its own identity and its own isolated network, so anything that relies on the source’s networking may not be fully testable. Log in to it with local credentials to avoid trust relationship issues, and undo the test when you are finished.',
    ),
    on('snapshots-deferred-during-test', 'info', 'Scheduled snapshots of this job are deferred until the test server is online.'),
  ];
}

/** Warnings of a failover type, attached to `type`. */
export function failoverTypeWarnings(facts: JobFacts, type: FailoverType): ActionWarning[] {
  if (facts.type === 'files-and-folders') return [];
  return type === 'test' ? testFailoverNotes() : fullServerConsiderations(facts, type);
}

/** Warnings of a target queue choice, attached to `queue`. */
export function queueWarnings(facts: JobFacts, choice: QueueChoice): ActionWarning[] {
  const { bytes, ops } = facts.queue;
  if (choice === 'discard') {
    return [
      warning(
        'discard-loses-queue',
        'danger',
        `Any data in the target queue is lost: ${plural(ops, 'operation')} (${formatBytes(bytes)}) now, and whatever arrives before failover begins. The operation reports exactly what was discarded.`,
        'queue',
        'discard',
      ),
    ];
  }
  if (choice === 'revert-if-bad') {
    const good = lastGoodSnapshot(facts);
    const since = good ? `the last good snapshot (taken ${good.takenAt})` : 'the last good snapshot';
    const now = facts.targetDataState === 'bad' ? ' The target data state is bad now.' : '';
    return [
      warning(
        'revert-loses-data',
        facts.targetDataState === 'bad' ? 'danger' : 'warning',
        `If the target data state is bad, the target reverts to ${since} and any data between that snapshot and the failure is lost.${now}`,
        'queue',
        'revert-if-bad',
      ),
    ];
  }
  return [];
}

export function restoreWarnings(restoreData: boolean): ActionWarning[] {
  const value = String(restoreData);
  if (!restoreData) {
    return [
      warning(
        'do-not-restore-loses-changes',
        'danger',
        'Any data changes made on the target during failover will be lost: Start then mirrors the source over them.',
        'restoreData',
        value,
      ),
    ];
  }
  return [
    warning(
      'shares-not-restored',
      'warning',
      'Only data is restored. Shares are not created on the source: shares created on the target during failover must be created by hand on the source, if they do not already exist.',
      'restoreData',
      value,
    ),
    warning(
      'files-must-be-closed',
      'warning',
      'Stop any applications running on the source: files must be closed so that the updated files from the target overwrite them. The restore refuses, naming them, while files are open.',
      'restoreData',
      value,
    ),
  ];
}

export function failbackWarnings(): ActionWarning[] {
  return [
    warning(
      'job-may-not-be-visible',
      'info',
      'Depending on where the console runs from, you may have to remove and re-add the target to see the job after failback.',
    ),
  ];
}

export function reverseWarnings(): ActionWarning[] {
  return [
    warning(
      'reverse-address-conflict',
      'info',
      'The new source already has the source’s address, so Windows gives the original source machine another one: keep reaching the servers by their reserved IP addresses and disregard IP address conflicts on the primary adapter.',
    ),
    warning(
      'job-may-not-be-visible',
      'info',
      'If the job is not listed, you may have to add the servers to the console again, by their reserved IP addresses with local credentials.',
    ),
  ];
}

/** Every warning that applies to a command with the options chosen (what `decide` returns with an allowed command). */
export function warningsForInput(facts: JobFacts, input: JobCommandInput): ActionWarning[] {
  switch (input.command) {
    case 'failover': {
      const queue = input.type === 'test' ? [] : queueWarnings(facts, input.queue);
      return [...failoverTypeWarnings(facts, input.type), ...queue];
    }
    case 'restore':
      return restoreWarnings(input.restoreData);
    case 'failback':
      return failbackWarnings();
    case 'reverse':
      return reverseWarnings();
    default:
      return [];
  }
}
