import type { OperationKind } from '@syncsafe/contracts';
import type { JobFacts } from './job-facts.ts';
import type { FailoverInput, JobCommandInput, RestoreInput, TakeSnapshotInput } from './job-input.ts';
import type { PlannedStep } from './planned-step.ts';
import { findSnapshot, testSnapshot } from './snapshots.ts';
import { basisStateOf, isTestInProgress } from './state-groups.ts';

/** "Undo any test in progress" first: take the test machine down, and keep or delete its snapshot per the settings. */
function undoTestSteps(facts: JobFacts, prefix: string, keepSnapshotId: string | null = null): PlannedStep[] {
  const steps: PlannedStep[] = [
    { key: `${prefix}undo-failover`, machine: 'test', command: 'undo-failover', args: {}, description: 'Take the test failover machine down' },
  ];
  const snapshot = testSnapshot(facts);
  if (snapshot && !facts.options.keepTestSnapshotOnUndo && snapshot.agentSnapshotId !== keepSnapshotId) {
    steps.push({
      key: `${prefix}delete-test-snapshot`,
      machine: 'target',
      command: 'delete-snapshot',
      args: { snapshotId: snapshot.agentSnapshotId },
      description: 'Delete the test failover snapshot, as the test failover settings say',
    });
  }
  return steps;
}

/** Apply or discard the target queue as its own step, so its report (exactly what was dropped) is kept. */
function queueStep(input: FailoverInput): PlannedStep[] {
  if (input.queue === 'apply') {
    return [{ key: 'apply-target-queue', machine: 'target', command: 'apply-queue', args: {}, keepsReport: true, description: 'Apply the data in the target queue' }];
  }
  if (input.queue === 'discard') {
    return [
      { key: 'discard-target-queue', machine: 'target', command: 'discard-queue', args: {}, keepsReport: true, description: 'Discard the data in the target queue and report what was dropped' },
    ];
  }
  // Revert if bad: the failover step itself decides, at that moment, from the target data state.
  return [];
}

function planFilesFailover(facts: JobFacts, input: FailoverInput): PlannedStep[] {
  const queue = input.queue === 'discard' ? 'discard' : 'apply';
  const steps: PlannedStep[] = [];
  if (!input.leaveSourceRunning && facts.options.services.length > 0) {
    steps.push({
      key: 'stop-source-services',
      machine: 'source',
      command: 'stop-services',
      args: { keepRunning: [] },
      isBestEffort: true,
      description: `Stop the source’s services (${facts.options.services.join(', ')}) if the source is still running`,
    });
  }
  steps.push(
    { key: 'stop-source-protection', machine: 'source', command: 'stop-protection', args: {}, isBestEffort: true, description: 'Stop sending changes from the source, if it is still running' },
    ...queueStep(input),
    {
      key: 'failover-files',
      machine: 'target',
      command: 'failover-files',
      args: { queue },
      keepsReport: true,
      description: 'The target stands in for the source: it takes over the source’s addresses and creates the shares',
    },
  );
  return steps;
}

function planFullServerFailover(facts: JobFacts, input: FailoverInput): PlannedStep[] {
  const mode = input.type === 'snapshot' ? 'snapshot' : 'live';
  const chosen = findSnapshot(facts, input.snapshotId);
  const keepRunning = input.leaveSourceRunning ? [...facts.options.services] : [];
  return [
    ...(isTestInProgress(facts) ? undoTestSteps(facts, 'undo-', chosen?.agentSnapshotId ?? null) : []),
    {
      key: 'stop-source-services',
      machine: 'source',
      command: 'stop-services',
      args: { keepRunning },
      isBestEffort: true,
      description: 'Stop every service that is not critical to Windows on the source, if it is still running',
    },
    { key: 'shut-down-source', machine: 'source', command: 'shut-down', args: { reason: `${mode} failover` }, isBestEffort: true, description: 'Shut the source down if it is still running' },
    ...queueStep(input),
    {
      key: 'failover-full-server',
      machine: 'target',
      command: 'failover-full-server',
      args: {
        mode,
        queue: input.queue,
        hasReverseProtection: facts.options.hasReverseProtection,
        keepRunning,
        ...(chosen ? { snapshotId: chosen.agentSnapshotId } : {}),
      },
      keepsReport: true,
      description: chosen ? 'Revert the target to the snapshot, then reboot it into the source identity' : 'Reboot the target into the source identity',
    },
  ];
}

function planTestFailover(input: FailoverInput): PlannedStep[] {
  return [
    ...queueStep(input),
    {
      key: 'prepare-test-failover',
      machine: 'test',
      command: 'prepare-test-failover',
      args: {},
      description: 'Check the test machine’s adapter names against the mapping and open a channel for the mirror',
    },
    {
      key: 'start-test-failover',
      machine: 'target',
      command: 'start-test-failover',
      args: {},
      consumes: 'prepare-test-failover',
      description: 'Take a snapshot of the target and mirror it to the test machine',
    },
    { key: 'complete-test-failover', machine: 'test', command: 'complete-test-failover', args: {}, description: 'Reboot the test machine on its own isolated network' },
  ];
}

function planRestore(input: RestoreInput): PlannedStep[] {
  // Do Not Restore Data: nothing moves; the operation only records the choice and stops the job.
  if (!input.restoreData) return [];
  return [
    {
      key: 'prepare-restore',
      machine: 'restore-destination',
      command: 'prepare-restore',
      args: {},
      description: 'Open a channel on the destination for the job’s directories and list the files still open there',
    },
    {
      key: 'restore',
      machine: 'target',
      command: 'restore',
      args: { removeOrphans: false },
      consumes: 'prepare-restore',
      keepsReport: true,
      description: 'Copy back what differs from the target to the destination (shares are not created)',
    },
  ];
}

function planReverse(): PlannedStep[] {
  // Roles are those of the failed-over job: `source` is the machine being given the target identity,
  // `target` the machine running the source identity, which becomes the job's source.
  return [
    {
      key: 'restore-identity',
      machine: 'source',
      command: 'restore-identity',
      phase: 'restoring',
      args: {},
      description: 'Establish the target identity on the original source machine',
    },
    {
      key: 'start-protection',
      machine: 'target',
      command: 'start-protection',
      phase: 'synchronizing',
      args: {},
      description: 'Start protection from the machine running the source identity',
    },
    { key: 'mirror', machine: 'target', command: 'mirror', phase: 'synchronizing', args: { mode: 'differences' }, description: 'Mirror the differences to the new target' },
    { key: 'reboot', machine: 'source', command: 'reboot', phase: 'rebooting', args: {}, description: 'Reboot the new target' },
  ];
}

function planStart(): PlannedStep[] {
  return [
    { key: 'start-protection', machine: 'source', command: 'start-protection', args: {}, description: 'Start protection on the source' },
    { key: 'mirror', machine: 'source', command: 'mirror', args: { mode: 'differences' }, description: 'Mirror the differences to the target' },
  ];
}

function planStop(facts: JobFacts): PlannedStep[] {
  // With the failover condition met the source may be unreachable: stopping it is then best-effort.
  const isBestEffort = basisStateOf(facts) === 'failover-condition-met';
  return [{ key: 'stop-protection', machine: 'source', command: 'stop-protection', args: {}, isBestEffort, description: 'Stop protection on the source' }];
}

function planTakeSnapshot(input: TakeSnapshotInput): PlannedStep[] {
  return [
    {
      key: 'take-snapshot',
      machine: 'target',
      command: 'take-snapshot',
      args: { type: input.snapshotType ?? 'manual' },
      description: 'Take a snapshot of the replica on the target',
    },
  ];
}

/** The ordered steps of an operation, from the facts at decide time. */
export function planSteps(facts: JobFacts, kind: OperationKind, input: JobCommandInput): PlannedStep[] {
  switch (kind) {
    case 'failover':
      if (input.command !== 'failover') break;
      return facts.type === 'files-and-folders' ? planFilesFailover(facts, input) : planFullServerFailover(facts, input);
    case 'test-failover':
      if (input.command !== 'failover') break;
      return planTestFailover(input);
    case 'undo-failover':
      return undoTestSteps(facts, '');
    case 'restore':
      if (input.command !== 'restore') break;
      return planRestore(input);
    case 'failback':
      return [{ key: 'failback', machine: 'target', command: 'failback', args: {}, description: 'Stop standing in for the source: remove its addresses and the shares' }];
    case 'reverse':
      return planReverse();
    case 'start':
      return planStart();
    case 'stop':
      return planStop(facts);
    case 'take-snapshot':
      if (input.command !== 'take-snapshot') break;
      return planTakeSnapshot(input);
  }
  throw new Error(`No plan for ${kind} from a ${input.command} command`);
}
