import type { Job, JobActions, JobCommand, JobState } from '@syncsafe/contracts';

/** The benchmark's fleet: 10,000 jobs over 200 server pairs, in the mix of states a large site has. */
export const JOB_COUNT = 10_000;

const uuid = (prefix: number, n: number) => `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const indexOf = (jobId: string) => parseInt(jobId.slice(-12), 16);

const STATES: JobState[] = ['protecting', 'protecting', 'protecting', 'protecting', 'protecting', 'protecting', 'failed-over', 'stopped', 'failover-condition-met', 'error'];

export function jobAt(index: number): Job {
  const pair = index % 200;
  const state = STATES[index % STATES.length]!;
  const isFull = index % 3 === 0;
  const source = { id: uuid(1, pair), name: `srv${String(pair).padStart(3, '0')}a`, address: `10.1.${pair % 250}.1`, port: 6320 };
  const target = { id: uuid(2, pair), name: `srv${String(pair).padStart(3, '0')}b`, address: `10.2.${pair % 250}.1`, port: 6320 };
  const isFailedOver = state === 'failed-over';
  return {
    id: uuid(0, index),
    name: `Job ${String(index).padStart(5, '0')}`,
    type: isFull ? 'full-server' : 'files-and-folders',
    source,
    target,
    testServer: null,
    state,
    activity: state === 'protecting' ? 'replicating' : null,
    reversePhase: null,
    targetDataState: state === 'error' ? 'bad' : 'good',
    isReversed: false,
    identities: {
      source: { name: source.name, serverId: isFailedOver ? target.id : source.id },
      target: isFailedOver && isFull ? null : { name: target.name, serverId: target.id },
    },
    directories: ['/srv/data'],
    replicaRoot: '/replica',
    options: {
      waitForUser: true,
      monitoring: { isEnabled: true, missedHeartbeats: 5, heartbeatIntervalSeconds: 5 },
      services: [],
      hasReverseProtection: false,
      adapterMapping: [],
      testFailover: { testServerId: null, keepSnapshotOnUndo: false },
      snapshotSchedule: { isEnabled: false, intervalMinutes: 60, keep: 10 },
      failoverAddresses: [],
      shares: [],
      rebootSeconds: 5,
    } as unknown as Job['options'],
    mirror: { percent: 100, files: 1200, bytes: 52_000_000 },
    queue: { bytes: (index * 7919) % 4_000_000, ops: index % 90 },
    lagMs: 40 + (index % 200),
    mirrorStatus: 'completed',
    transmit: { sentOps: 5000 + index, sentBytes: 60_000_000 + index * 1024, pendingChanges: index % 7, lastError: null },
    targetStatus: isFailedOver ? 'failed-over' : state === 'stopped' ? 'stopped' : 'replicating',
    targetDataStateReason: state === 'error' ? 'apply-failed' : null,
    targetDataStateDetail: state === 'error' ? 'write /replica/srv/data/a.txt: no space left on device' : null,
    lastSnapshotAt: index % 4 === 0 ? new Date(Date.UTC(2025, 0, 1, 0, index % 60)).toISOString() : null,
    conditionMetAt: null,
    lastError: state === 'error' ? 'The target stopped answering' : null,
    activeOperationId: null,
    version: 1,
    createdAt: new Date(Date.UTC(2025, 0, 1)).toISOString(),
    updatedAt: new Date(Date.UTC(2025, 0, 1)).toISOString(),
  };
}

/** `GET /api/jobs`: name order (the names sort as the indexes do), keyset paging by the last id. */
export function listPage(cursor: string | null, limit: number) {
  const start = cursor ? indexOf(cursor) + 1 : 0;
  const items = Array.from({ length: Math.max(0, Math.min(limit, JOB_COUNT - start)) }, (_, i) => jobAt(start + i));
  const isMore = start + items.length < JOB_COUNT;
  return { items, nextCursor: isMore ? items[items.length - 1]!.id : null, total: JOB_COUNT };
}

/** A `job.updated` event's job: the target queue, mirror and lag move, as a busy fleet's do. */
export function updatedJob(index: number, seq: number): Job {
  const job = jobAt(index);
  return {
    ...job,
    activity: job.state === 'protecting' ? (seq % 5 === 0 ? 'mirroring' : 'replicating') : job.activity,
    mirror: { ...job.mirror, percent: seq % 5 === 0 ? seq % 100 : 100 },
    queue: { bytes: (seq * 104_729) % 9_000_000, ops: seq % 400 },
    lagMs: 20 + (seq % 900),
    transmit: { ...job.transmit, sentOps: job.transmit.sentOps + seq, sentBytes: job.transmit.sentBytes + seq * 4096, pendingChanges: seq % 50 },
    updatedAt: new Date(Date.UTC(2025, 0, 1) + seq * 1000).toISOString(),
  };
}

const COMMANDS: JobCommand[] = ['failover', 'undo-failover', 'restore', 'failback', 'reverse', 'start', 'stop', 'take-snapshot', 'edit', 'delete'];
const ALLOWED_WHEN_PROTECTING: JobCommand[] = ['failover', 'stop', 'take-snapshot', 'edit'];

/** `GET /api/jobs/:id/actions` for the toolbar (the dialogs are not opened by the benchmark). */
export function actionsFor(jobId: string): JobActions & { jobId: string; version: number } {
  const job = jobAt(indexOf(jobId));
  const commands = Object.fromEntries(
    COMMANDS.map((c) => [c, ALLOWED_WHEN_PROTECTING.includes(c) && job.state === 'protecting' ? { allowed: true, reason: null } : { allowed: false, reason: `Not available while the job is ${job.state}.` }]),
  ) as JobActions['commands'];
  return {
    jobId,
    version: job.version,
    state: job.state,
    stateLabel: job.state,
    activeOperation: null,
    commands,
    allowedCommands: COMMANDS.filter((c) => commands[c].allowed),
    failover: { types: [], queue: [], leaveSource: { label: 'Leave source services running', description: '', types: ['live'], services: [], allowed: false, reason: null }, snapshots: [] },
    restore: null,
    failback: null,
    undoFailover: null,
    reverse: null,
    manualReversal: null,
    edit: { fields: ['name', 'options'] },
  };
}
