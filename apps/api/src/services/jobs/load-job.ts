import { JobOptionsSchema, SnapshotTypeSchema, TargetDataStateSchema, type JobOptions } from '@syncsafe/contracts';
import { fromRowEnum, type Operation as OperationRow, type Prisma, type Server, type Snapshot as SnapshotRow } from '@syncsafe/db';
import { identityHolders, roleServer, servicesThatCannotStop, type JobFacts, type OperationRecord, type ServerFacts } from '@syncsafe/domain';
import { notFound } from '../../lib/app-error.ts';
import { operationInput } from '../operations/operation-input.ts';
import { storedServices } from '../servers/server-view.ts';

export const jobInclude = { source: true, target: true, testServer: true } as const;
export type JobRow = Prisma.JobGetPayload<{ include: typeof jobInclude }>;

/** A job with everything its rules read: servers, snapshots, its active and (in Error) failed operation. */
export interface JobContext {
  row: JobRow;
  options: JobOptions;
  snapshots: SnapshotRow[];
  activeOperation: OperationRow | null;
  facts: JobFacts;
}

const serverFacts = (s: Server): ServerFacts => ({ id: s.id, name: s.name, addressKind: s.addressKind, port: s.port });

function operationRecord(op: OperationRow | null): OperationRecord | null {
  if (!op) return null;
  return { kind: fromRowEnum(op.kind), basisState: fromRowEnum(op.basisState), input: operationInput(op) };
}

export function buildFacts(
  row: JobRow,
  options: JobOptions,
  snapshots: SnapshotRow[],
  activeOperation: OperationRow | null,
  failedOperation: OperationRow | null,
): JobFacts {
  const facts: JobFacts = {
    type: fromRowEnum(row.type),
    state: fromRowEnum(row.state),
    activeOperation: operationRecord(activeOperation),
    failedOperation: row.state === 'error' ? operationRecord(failedOperation) : null,
    isReversed: row.isReversed,
    servers: { source: serverFacts(row.source), target: serverFacts(row.target), test: row.testServer ? serverFacts(row.testServer) : null },
    source: {
      isClustered: row.source.isClustered,
      isDomainController: row.source.isDomainController,
      hasNameSpecificApp: row.source.hasNameSpecificApp,
      servicesThatCannotStop: [],
    },
    isOriginalSourceOnline: false,
    isProductionAdapterUp: false,
    options: {
      waitForUser: options.waitForUser,
      hasReverseProtection: options.hasReverseProtection,
      keepTestSnapshotOnUndo: options.testFailover.keepSnapshotOnUndo,
      services: options.services,
    },
    targetDataState: TargetDataStateSchema.parse(row.targetDataState),
    queue: { bytes: Number(row.queueBytes), ops: row.queueOps, applyBytesPerSecond: row.applyBytesPerSecond },
    snapshots: snapshots.map((s) => ({
      id: s.id,
      agentSnapshotId: s.agentSnapshotId,
      type: SnapshotTypeSchema.parse(s.type),
      takenAt: s.takenAt.toISOString(),
      isGood: s.isGood,
      isTestSnapshot: s.isTestSnapshot,
    })),
    lastRestoreServerId: row.lastRestoreServerId,
    isConditionMet: row.conditionMetAt !== null,
  };
  // Reverse turns the machine now playing the source role into the target: it must be reachable.
  const reverseMachine = roleServer(facts, 'source');
  const machine = reverseMachine.id === row.source.id ? row.source : row.target;
  facts.isOriginalSourceOnline = machine.status === 'online';
  facts.isProductionAdapterUp = machine.status === 'online' && (!options.productionAdapter || machine.networkAdapters.includes(options.productionAdapter));
  // The source identity's services are what the machine answering as the source last reported.
  const holderId = identityHolders(facts).source.serverId;
  const holder = holderId === row.source.id ? row.source : row.target;
  facts.source.servicesThatCannotStop = servicesThatCannotStop(storedServices(holder));
  return facts;
}

export async function loadJobContext(tx: Prisma.TransactionClient, id: string): Promise<JobContext> {
  const row = await tx.job.findUnique({ where: { id }, include: jobInclude });
  if (!row) throw notFound('Job');
  // One after the other: inside a transaction they share one connection, which runs one query at a time.
  const snapshots = await tx.snapshot.findMany({ where: { jobId: id }, orderBy: { takenAt: 'desc' } });
  const activeOperation = await tx.operation.findUnique({ where: { activeJobId: id } });
  const failedOperation = row.state === 'error' ? await tx.operation.findFirst({ where: { jobId: id, status: 'failed' }, orderBy: { createdAt: 'desc' } }) : null;
  const options = JobOptionsSchema.parse(row.options);
  return { row, options, snapshots, activeOperation, facts: buildFacts(row, options, snapshots, activeOperation, failedOperation) };
}
