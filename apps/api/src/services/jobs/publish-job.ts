import type { Prisma } from '@syncsafe/db';
import { emitEvent } from '../events/emit-event.ts';
import { toOperation, withSteps } from '../operations/operation-view.ts';
import { toJob } from './job-view.ts';
import { loadJobContext } from './load-job.ts';

/** Emits the job as it now is (and its active operation) on the stream, inside the changing transaction. */
export async function publishJob(tx: Prisma.TransactionClient, jobId: string) {
  const context = await loadJobContext(tx, jobId);
  const job = toJob(context);
  await emitEvent(tx, { type: 'job.updated', data: job }, jobId);
  return { context, job };
}

export async function publishOperation(tx: Prisma.TransactionClient, operationId: string) {
  const row = await tx.operation.findUniqueOrThrow({ where: { id: operationId }, include: withSteps });
  const operation = toOperation(row);
  await emitEvent(tx, { type: 'operation.updated', data: operation }, row.jobId);
  return operation;
}
