import type { JobState, JobType } from '@syncsafe/contracts';
import type { JobFacts, OperationRecord, SnapshotFacts } from '../../src/index.ts';

export const SOURCE = { id: 'server-source', name: 'web01', addressKind: 'reserved' as const, port: 6320 };
export const TARGET = { id: 'server-target', name: 'web01-dr', addressKind: 'reserved' as const, port: 6320 };
export const TEST_MACHINE = { id: 'server-test', name: 'web01-test', addressKind: 'private' as const, port: 6320 };
export const NEW_SOURCE = 'server-new-source';

export function snapshot(overrides: Partial<SnapshotFacts> & { id: string }): SnapshotFacts {
  return {
    agentSnapshotId: `agent-${overrides.id}`,
    type: 'scheduled',
    takenAt: '2026-11-20T10:00:00.000Z',
    isGood: true,
    isTestSnapshot: false,
    ...overrides,
  };
}

/** A protecting job with everything the spec's happy paths need (reverse protection, a test machine, snapshots). */
export function jobFacts(type: JobType, overrides: Partial<JobFacts> = {}): JobFacts {
  const isFullServer = type === 'full-server';
  return {
    type,
    state: 'protecting',
    activeOperation: null,
    failedOperation: null,
    isReversed: false,
    servers: { source: SOURCE, target: TARGET, test: isFullServer ? TEST_MACHINE : null },
    source: { isClustered: false, isDomainController: false, hasNameSpecificApp: false, servicesThatCannotStop: [] },
    isOriginalSourceOnline: true,
    isProductionAdapterUp: true,
    options: { waitForUser: true, hasReverseProtection: isFullServer, keepTestSnapshotOnUndo: false, services: ['W3SVC'] },
    targetDataState: 'good',
    queue: { bytes: 10 * 1024 * 1024, ops: 120, applyBytesPerSecond: 1024 * 1024 },
    snapshots: isFullServer
      ? [snapshot({ id: 'snap-1', takenAt: '2026-11-20T10:00:00.000Z' }), snapshot({ id: 'snap-2', type: 'manual', takenAt: '2026-11-21T10:00:00.000Z' })]
      : [],
    lastRestoreServerId: null,
    isConditionMet: false,
    ...overrides,
  };
}

const op = (kind: OperationRecord['kind'], basisState: JobState, input: OperationRecord['input']): OperationRecord => ({ kind, basisState, input });
const LIVE_APPLY = { command: 'failover', type: 'live', queue: 'apply' } as const;
const TEST_APPLY = { command: 'failover', type: 'test', queue: 'apply' } as const;

/** The operation a transient state runs, and the failed one an Error state remembers, on the spec's paths. */
const RUNNING: Record<JobType, Partial<Record<JobState, OperationRecord>>> = {
  'files-and-folders': {
    'failing-over': op('failover', 'protecting', LIVE_APPLY),
    restoring: op('restore', 'failed-over', { command: 'restore', restoreData: true }),
    'failing-back': op('failback', 'failed-over', { command: 'failback' }),
    starting: op('start', 'stopped', { command: 'start' }),
    stopping: op('stop', 'protecting', { command: 'stop' }),
  },
  'full-server': {
    'failing-over': op('failover', 'protecting', LIVE_APPLY),
    'test-failing-over': op('test-failover', 'protecting', TEST_APPLY),
    'undoing-test': op('undo-failover', 'test-failed-over', { command: 'undo-failover' }),
    reversing: op('reverse', 'failed-over', { command: 'reverse' }),
    starting: op('start', 'stopped', { command: 'start' }),
    stopping: op('stop', 'protecting', { command: 'stop' }),
  },
};

const FAILED: Record<JobType, OperationRecord> = {
  'files-and-folders': op('failover', 'protecting', LIVE_APPLY),
  'full-server': op('test-failover', 'protecting', TEST_APPLY),
};

/** A consistent job of the given type in the given state (any state, even one the type never uses). */
export function jobIn(type: JobType, state: JobState, overrides: Partial<JobFacts> = {}): JobFacts {
  const base = jobFacts(type, { state });
  const activeOperation = RUNNING[type][state] ?? null;
  const failedOperation = state === 'error' ? FAILED[type] : null;
  const snapshots =
    type === 'full-server' && state === 'test-failed-over'
      ? [...base.snapshots, snapshot({ id: 'snap-test', type: 'manual', takenAt: '2026-11-22T10:00:00.000Z', isTestSnapshot: true })]
      : base.snapshots;
  return { ...base, activeOperation, failedOperation, snapshots, isConditionMet: state === 'failover-condition-met', ...overrides };
}
