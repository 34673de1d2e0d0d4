import { JobCommandInputSchema, SnapshotTypeSchema } from '@syncsafe/contracts';
import { fromRowEnum, type PrismaClient } from '@syncsafe/db';
import { getAllowedActions } from '@syncsafe/domain';
import { notFound } from '../../lib/app-error.ts';
import { toOperation, withSteps } from '../operations/operation-view.ts';
import { loadJobContext } from './load-job.ts';

const snapshotView = (s: { id: string; jobId: string; type: string; takenAt: Date; isGood: boolean; reason: string | null; files: number; bytes: bigint; isTestSnapshot: boolean }) => ({
  id: s.id,
  jobId: s.jobId,
  type: SnapshotTypeSchema.parse(s.type),
  takenAt: s.takenAt.toISOString(),
  isGood: s.isGood,
  reason: s.reason,
  files: s.files,
  bytes: Number(s.bytes),
  isTestSnapshot: s.isTestSnapshot,
});
export { snapshotView };

/** `GET /api/jobs/:id/actions`: the domain's answer for the job as it is now. */
export async function getJobActions(prisma: PrismaClient, id: string) {
  const { facts, row } = await loadJobContext(prisma, id);
  return { jobId: id, version: row.version, ...getAllowedActions(facts) };
}

export async function listOperations(prisma: PrismaClient, jobId: string) {
  await assertJob(prisma, jobId);
  const rows = await prisma.operation.findMany({ where: { jobId }, include: withSteps, orderBy: { createdAt: 'desc' }, take: 200 });
  return { items: rows.map(toOperation) };
}

export async function getOperation(prisma: PrismaClient, id: string) {
  const row = await prisma.operation.findUnique({ where: { id }, include: withSteps });
  if (!row) throw notFound('Operation');
  return toOperation(row);
}

export async function listSnapshots(prisma: PrismaClient, jobId: string) {
  await assertJob(prisma, jobId);
  const rows = await prisma.snapshot.findMany({ where: { jobId }, orderBy: { takenAt: 'desc' } });
  return { items: rows.map(snapshotView) };
}

/** Every attempted move of the job's machine (valid or refused), newest first. */
export async function getJobHistory(prisma: PrismaClient, jobId: string) {
  await assertJob(prisma, jobId);
  const rows = await prisma.jobTransition.findMany({ where: { jobId }, orderBy: { createdAt: 'desc' }, take: 500 });
  return {
    items: rows.map((t) => ({
      id: t.id,
      fromState: fromRowEnum(t.fromState),
      toState: t.toState === null ? null : fromRowEnum(t.toState),
      trigger: t.trigger,
      operationId: t.operationId,
      actorName: t.actorName,
      isValid: t.isValid,
      error: t.error,
      input: JobCommandInputSchema.nullable().parse(t.input),
      createdAt: t.createdAt.toISOString(),
    })),
  };
}

async function assertJob(prisma: PrismaClient, id: string) {
  if (!(await prisma.job.findUnique({ where: { id }, select: { id: true } }))) throw notFound('Job');
}
