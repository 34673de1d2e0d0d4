import type { OperationKind } from '@syncsafe/contracts';
import type { Prisma, PrismaClient } from '@syncsafe/db';
import { completeOperation, type OperationOutcome } from '@syncsafe/domain';
import { appendAudit, SYSTEM_ACTOR } from '../audit/append-audit.ts';
import { emitEvent } from '../events/emit-event.ts';
import { loadJobContext } from '../jobs/load-job.ts';
import { publishJob, publishOperation } from '../jobs/publish-job.ts';
import { lockJob } from '../jobs/submit-command.ts';

/**
 * Ends an operation: the domain's completion row gives the job's next state (Error on failure), the
 * operation releases the job (activeJobId), and the transition, audit record and events are written in
 * the same transaction. A failure also raises a notification every console shows.
 */
export async function finishOperation(prisma: PrismaClient, operationId: string, outcome: OperationOutcome) {
  await prisma.$transaction(async (tx: Prisma.TransactionClient) => {
    const operation = await tx.operation.findUniqueOrThrow({ where: { id: operationId } });
    if (operation.status === 'succeeded' || operation.status === 'failed') return;
    await lockJob(tx, operation.jobId);
    const context = await loadJobContext(tx, operation.jobId);
    const completion = completeOperation(context.facts, operation.kind as OperationKind, outcome);
    const to = completion.outcome === 'completed' ? completion.to : context.facts.state;
    const error = outcome.status === 'failed' ? outcome.error : null;
    await tx.operation.update({
      where: { id: operationId },
      data: { status: outcome.status, toState: to, activeJobId: null, error, finishedAt: new Date() },
    });
    await tx.job.update({
      where: { id: operation.jobId },
      data: {
        state: to,
        reversePhase: null,
        lastError: error,
        version: { increment: 1 },
        ...(completion.outcome === 'completed'
          ? { isReversed: completion.next.isReversed, lastRestoreServerId: completion.next.lastRestoreServerId }
          : {}),
      },
    });
    const trigger = outcome.status === 'succeeded' ? 'operation-succeeded' : 'operation-failed';
    await tx.jobTransition.create({
      data: { jobId: operation.jobId, fromState: context.facts.state, toState: to, trigger, operationId, actorName: 'system', isValid: completion.outcome === 'completed', error },
    });
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: `operation.${outcome.status}`,
      target: { type: 'job', id: operation.jobId, name: context.row.name },
      before: { state: context.facts.state },
      after: { state: to, operationId, kind: operation.kind, requestedBy: operation.actorName },
      outcome: outcome.status === 'succeeded' ? 'success' : 'failure',
      reason: error,
    });
    if (error) {
      const note = await tx.notification.create({
        data: { kind: 'operation-failed', jobId: operation.jobId, message: `${operation.kind} of job ${context.row.name} failed: ${error}` },
      });
      await emitEvent(
        tx,
        { type: 'notification.updated', data: { id: note.id, kind: note.kind, jobId: note.jobId, message: note.message, createdAt: note.createdAt.toISOString(), acknowledgedAt: null, acknowledgedByName: null } },
        operation.jobId,
      );
    }
    await publishJob(tx, operation.jobId);
    await publishOperation(tx, operationId);
  });
}
