import { JobOptionsSchema, type Job, type JobOptions, type Operation } from '@syncsafe/contracts';

let counter = 0;
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The API's defaults, whatever options the contract grows. */
export const defaultJobOptions: JobOptions = JobOptionsSchema.parse({});

/** A job as the API returns it, Protecting a files01 → files02 Files and Folders set; override what a test needs. */
export function makeJob(overrides: Partial<Job> = {}): Job {
  counter += 1;
  const source = { id: uuid(1000 + counter), name: 'files01', address: '10.0.0.1', port: 6320 };
  const target = { id: uuid(2000 + counter), name: 'files02', address: '10.0.0.2', port: 6320 };
  return {
    id: uuid(counter),
    name: `Job ${String(counter).padStart(5, '0')}`,
    type: 'files-and-folders',
    source,
    target,
    testServer: null,
    state: 'protecting',
    activity: 'replicating',
    reversePhase: null,
    targetDataState: 'good',
    isReversed: false,
    identities: { source: { name: source.name, serverId: source.id }, target: { name: target.name, serverId: target.id } },
    directories: ['/data'],
    replicaRoot: '/replica',
    options: defaultJobOptions,
    mirror: { percent: 100, files: 10, bytes: 2048 },
    queue: { bytes: 0, ops: 0 },
    lagMs: 20,
    mirrorStatus: 'completed',
    transmit: { sentOps: 42, sentBytes: 4096, pendingChanges: 0, lastError: null },
    targetStatus: 'replicating',
    targetDataStateReason: null,
    targetDataStateDetail: null,
    lastSnapshotAt: null,
    conditionMetAt: null,
    lastError: null,
    activeOperationId: null,
    version: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function makeOperation(overrides: Partial<Operation> = {}): Operation {
  counter += 1;
  return {
    id: uuid(5000 + counter),
    jobId: uuid(1),
    kind: 'failover',
    status: 'running',
    input: { command: 'failover', type: 'live', queue: 'apply' },
    warnings: [],
    fromState: 'protecting',
    runningState: 'failing-over',
    toState: null,
    actorName: 'admin',
    error: null,
    result: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: null,
    steps: [],
    ...overrides,
  };
}
