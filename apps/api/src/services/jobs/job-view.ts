import { BadDataReasonSchema, JobActivitySchema, MirrorStatusSchema, ReversePhaseSchema, TargetStatusSchema, type Job } from '@syncsafe/contracts';
import { identityHolders } from '@syncsafe/domain';
import type { JobContext } from './load-job.ts';

const serverRef = (s: { id: string; name: string; address: string; port: number }) => ({ id: s.id, name: s.name, address: s.address, port: s.port });

/** The API's view of a job, with which machine holds which identity. */
export function toJob({ row, options, facts, activeOperation }: JobContext): Job {
  const holders = identityHolders(facts);
  return {
    id: row.id,
    name: row.name,
    type: facts.type,
    source: serverRef(row.source),
    target: serverRef(row.target),
    testServer: row.testServer ? serverRef(row.testServer) : null,
    state: facts.state,
    // The agents' activity means something only while the job protects.
    activity: facts.state === 'protecting' ? JobActivitySchema.nullable().parse(row.activity) : null,
    reversePhase: ReversePhaseSchema.nullable().parse(row.reversePhase),
    targetDataState: facts.targetDataState,
    isReversed: row.isReversed,
    identities: { source: holders.source, target: holders.target },
    directories: row.directories,
    replicaRoot: row.replicaRoot,
    options,
    mirror: { percent: row.mirrorPercent, files: row.mirrorFiles, bytes: Number(row.mirrorBytes) },
    queue: { bytes: Number(row.queueBytes), ops: row.queueOps },
    lagMs: row.lagMs,
    mirrorStatus: MirrorStatusSchema.nullable().parse(row.mirrorStatus),
    transmit: { sentOps: Number(row.sentOps), sentBytes: Number(row.sentBytes), pendingChanges: row.pendingChanges, lastError: row.transmitError },
    targetStatus: TargetStatusSchema.nullable().parse(row.targetStatus),
    // Said only of bad data, whatever a stale row might still hold.
    targetDataStateReason: facts.targetDataState === 'bad' ? BadDataReasonSchema.nullable().parse(row.targetDataStateReason) : null,
    targetDataStateDetail: facts.targetDataState === 'bad' ? row.targetDataStateDetail : null,
    lastSnapshotAt: row.lastSnapshotAt?.toISOString() ?? null,
    conditionMetAt: row.conditionMetAt?.toISOString() ?? null,
    lastError: row.lastError,
    activeOperationId: activeOperation?.id ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
