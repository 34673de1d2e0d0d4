import {
  type Availability,
  type FailoverActionOptions,
  type FailoverType,
  FailoverTypeSchema,
  jobStateLabels,
  type LeaveSourceOption,
  type QueueChoice,
  QueueChoiceSchema,
  type QueueOption,
} from '@syncsafe/contracts';
import type { CommandCheck } from './command-check.ts';
import { formatBytes, formatDuration, plural } from './format.ts';
import { firstFailingGuard, GUARDS } from './guards.ts';
import type { JobFacts } from './job-facts.ts';
import type { FailoverInput } from './job-input.ts';
import { findSnapshot, lastGoodSnapshot, snapshotsNewestFirst, toSnapshotChoice } from './snapshots.ts';
import { basisStateOf } from './state-groups.ts';
import { failoverTypeWarnings, queueWarnings } from './warnings.ts';

export interface FieldProblem {
  field: string;
  reason: string;
}

const ok: Availability = { allowed: true, reason: null };
const no = (reason: string | null): Availability => ({ allowed: false, reason });

export const FAILOVER_TYPE_LABELS: Record<FailoverType, string> = {
  live: 'Failover To Live Data',
  test: 'Perform Test Failover',
  snapshot: 'Failover To A Snapshot',
};

/** The spec's own words for the two options a Files and Folders job shows grayed out. */
const FILES_AND_FOLDERS_GRAYED: Partial<Record<FailoverType, string>> = {
  test: 'This option is not available for files and folders jobs.',
  snapshot: 'This option is not applicable to files and folders jobs.',
};

function typeDescription(facts: JobFacts, type: FailoverType): string {
  if (type === 'live' && facts.type === 'files-and-folders') {
    return 'A full, live failover using the current data on the target. The target stands in for the source by assuming the network identity of the failed source: user and application requests for the source or its IP addresses are routed to the target.';
  }
  if (type === 'live') {
    return 'A full, live failover using the current data on the target. The source is automatically shut down if it is still running; the target reboots and applies the source identity, including its system state. After the reboot the target becomes the source, and the target no longer exists.';
  }
  if (type === 'test') {
    return 'A snapshot of the current data on the target is mirrored to the test failover machine (with the protection job’s mirroring options), which then reboots to finish. The source, target and protection job stay online; undo the test when you are finished.';
  }
  return 'A full, live failover without using the current data on the target: the data on the target is reverted to the snapshot you select.';
}

/** Why a failover type has no row in this state (it has rows elsewhere). */
function typeNotHereReason(facts: JobFacts, type: FailoverType): string {
  const basis = basisStateOf(facts);
  if (type === 'test' && basis === 'test-failed-over') {
    return 'A test failover is already running: undo it first (a live failover or a failover to a snapshot undoes it for you).';
  }
  if (type === 'test' && basis === 'failover-condition-met') {
    return 'A test failover needs the source and the protection job online, and the failover condition is met.';
  }
  return `${FAILOVER_TYPE_LABELS[type]} is not available while the job is ${jobStateLabels[facts.state]}.`;
}

export function failoverTypeAvailability(facts: JobFacts, check: CommandCheck, type: FailoverType): Availability {
  const grayed = facts.type === 'files-and-folders' ? FILES_AND_FOLDERS_GRAYED[type] : undefined;
  if (grayed) return no(grayed);
  if (!check.allowed) return no(check.reason);
  const rows = check.rows.filter((row) => row.when?.types?.includes(type));
  if (rows.length === 0) return no(typeNotHereReason(facts, type));
  if (rows.some((row) => firstFailingGuard(facts, row.guards) === null)) return ok;
  return no(GUARDS[firstFailingGuard(facts, rows[0]!.guards)!].reason(facts));
}

/** The failover types a target-queue choice combines with (a test failover never discards or reverts the queue). */
export function queueChoiceTypes(facts: JobFacts, choice: QueueChoice): FailoverType[] {
  if (facts.type === 'files-and-folders') return choice === 'revert-if-bad' ? [] : ['live'];
  return choice === 'apply' ? ['live', 'test', 'snapshot'] : ['live', 'snapshot'];
}

export function queueAvailability(facts: JobFacts, check: CommandCheck, choice: QueueChoice): Availability {
  if (choice === 'revert-if-bad' && facts.type === 'files-and-folders') {
    return no('Revert To Last Good Snapshot If Target Data State Is Bad is only for Full Server jobs.');
  }
  if (!check.allowed) return no(check.reason);
  if (choice === 'revert-if-bad' && facts.targetDataState === 'bad' && !lastGoodSnapshot(facts)) {
    return no('The target data state is bad and there is no good snapshot to revert to.');
  }
  return ok;
}

const QUEUE_LABELS: Record<QueueChoice, string> = {
  apply: 'Apply Data In Target Queues Before Failover Or Cutover',
  discard: 'Discard Data In The Target Queues And Failover Or Cutover Immediately',
  'revert-if-bad': 'Revert To Last Good Snapshot If Target Data State Is Bad',
};

export function estimatedApplySeconds(facts: JobFacts): number | null {
  const rate = facts.queue.applyBytesPerSecond;
  if (facts.queue.bytes === 0) return 0;
  return rate && rate > 0 ? facts.queue.bytes / rate : null;
}

function queueDescription(facts: JobFacts, choice: QueueChoice): string {
  const queued = `${plural(facts.queue.ops, 'operation')}, ${formatBytes(facts.queue.bytes)}`;
  const estimate = estimatedApplySeconds(facts);
  const applying =
    estimate === null
      ? 'applying it could be lengthy, depending on the amount of data'
      : `applying it should take ${formatDuration(estimate)} at the target’s current rate`;
  if (choice === 'apply') {
    return `All of the data in the target queue (${queued}) is applied before failover begins: everything the target has received is used, but ${applying}.`;
  }
  if (choice === 'discard') {
    return `All of the data in the target queue is discarded and failover begins immediately: the ${queued} queued now would be lost.`;
  }
  const good = lastGoodSnapshot(facts);
  const snapshot = good ? `the last good snapshot (taken ${good.takenAt})` : 'the last good snapshot';
  if (facts.targetDataState === 'bad') {
    return `The target data state is bad: the target reverts to ${snapshot} before failover begins, and any data between that snapshot and the failure is lost. Good data is guaranteed to be used.`;
  }
  if (facts.targetDataState === 'good') {
    return `The target data state is good: the data is not reverted; the target queue (${queued}) is applied, then failover begins.`;
  }
  return `If the target data state is bad when failover begins, the target reverts to ${snapshot} and data since then is lost; otherwise the target queue (${queued}) is applied, then failover begins.`;
}

function queueOption(facts: JobFacts, check: CommandCheck, choice: QueueChoice): QueueOption {
  const isDiscard = choice === 'discard';
  const good = choice === 'revert-if-bad' ? lastGoodSnapshot(facts) : null;
  return {
    choice,
    label: QUEUE_LABELS[choice],
    description: queueDescription(facts, choice),
    types: queueChoiceTypes(facts, choice),
    ...queueAvailability(facts, check, choice),
    queuedBytes: facts.queue.bytes,
    queuedOps: facts.queue.ops,
    estimatedApplySeconds: choice === 'discard' ? null : estimatedApplySeconds(facts),
    losesBytes: isDiscard ? facts.queue.bytes : choice === 'apply' ? 0 : null,
    losesOps: isDiscard ? facts.queue.ops : choice === 'apply' ? 0 : null,
    revertTo: good ? { snapshotId: good.id, takenAt: good.takenAt } : null,
    warnings: queueWarnings(facts, choice),
  };
}

export function leaveSourceOption(facts: JobFacts, check: CommandCheck): LeaveSourceOption {
  const isClustered = facts.source.isClustered;
  const isFullServer = facts.type === 'full-server';
  const what = isClustered
    ? 'Keep the source’s cluster resources online instead of taking them offline.'
    : 'Keep the services specified in the job’s failover options online instead of shutting them down.';
  const shutDown = isFullServer ? ' A live failover still shuts the source down if it is running.' : '';
  return {
    label: isClustered ? 'Leave source cluster resources online' : 'Leave source services running',
    description: `${what} This is for live or snapshot failover; it does not apply to test failover.${shutDown}`,
    types: isFullServer ? ['live', 'snapshot'] : ['live'],
    services: [...facts.options.services],
    ...(check.allowed ? ok : no(check.reason)),
  };
}

export function failoverOptions(facts: JobFacts, check: CommandCheck): FailoverActionOptions {
  return {
    types: FailoverTypeSchema.options.map((type) => ({
      type,
      label: FAILOVER_TYPE_LABELS[type],
      description: typeDescription(facts, type),
      ...failoverTypeAvailability(facts, check, type),
      warnings: failoverTypeWarnings(facts, type),
    })),
    queue: QueueChoiceSchema.options.map((choice) => queueOption(facts, check, choice)),
    leaveSource: leaveSourceOption(facts, check),
    snapshots: snapshotsNewestFirst(facts).map(toSnapshotChoice),
  };
}

/** The first option of a failover request that cannot be chosen now, named by its field. */
export function checkFailoverInput(facts: JobFacts, check: CommandCheck, input: FailoverInput): FieldProblem | null {
  const type = failoverTypeAvailability(facts, check, input.type);
  if (!type.allowed) return { field: 'type', reason: type.reason ?? 'This failover type is not available.' };
  const queue = queueAvailability(facts, check, input.queue);
  if (!queue.allowed) return { field: 'queue', reason: queue.reason ?? 'This target queue choice is not available.' };
  if (!queueChoiceTypes(facts, input.queue).includes(input.type)) {
    return { field: 'queue', reason: 'A test failover keeps protection running: the target queue is applied, never discarded or reverted.' };
  }
  if (input.type === 'snapshot') {
    if (input.snapshotId === undefined) return { field: 'snapshotId', reason: 'Choose the snapshot to fail over to.' };
    if (!findSnapshot(facts, input.snapshotId)) return { field: 'snapshotId', reason: `Snapshot ${input.snapshotId} is not on the target.` };
  } else if (input.snapshotId !== undefined) {
    return { field: 'snapshotId', reason: 'A snapshot is chosen only for Failover To A Snapshot.' };
  }
  const leave = leaveSourceOption(facts, check);
  if (input.leaveSourceRunning && !leave.types.includes(input.type)) {
    return { field: 'leaveSourceRunning', reason: `${leave.label} does not apply to test failover.` };
  }
  return null;
}
