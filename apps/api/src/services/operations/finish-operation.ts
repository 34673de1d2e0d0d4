import { fromRowEnum, type PrismaClient, toRowEnum } from '@syncsafe/db';
import { completeOperation, operationFailedNotice, type OperationOutcome } from '@syncsafe/domain';
import { SYSTEM_ACTOR } from '../audit/append-audit.ts';
import { applyTransition, lockJob } from '../jobs/apply-transition.ts';
import { loadJobContext } from '../jobs/load-job.ts';

/**
 * Ends an operation: the domain's completion row gives the job's next state (Error on failure), the
 * operation releases the job (activeJobId), and the transition, audit record, notification (a failure
 * raises one every console shows) and events are written in the same transaction.
 */
export async function finishOperation(prisma: PrismaClient, operationId: string, outcome: OperationOutcome) {
  await prisma.$transaction(async (tx) => {
    const operation = await tx.operation.findUniqueOrThrow({ where: { id: operationId } });
    if (operation.status === 'succeeded' || operation.status === 'failed') return;
    await lockJob(tx, operation.jobId);
    const { row, facts } = await loadJobContext(tx, operation.jobId);
    const kind = fromRowEnum(operation.kind);
    const completion = completeOperation(facts, kind, outcome);
    const to = completion.outcome === 'completed' ? completion.to : facts.state;
    const error = outcome.status === 'failed' ? outcome.error : null;
    await tx.operation.update({
      where: { id: operationId },
      data: { status: outcome.status, toState: toRowEnum(to), activeJobId: null, error, finishedAt: new Date() },
    });
    await applyTransition(tx, {
      job: { ...row, state: facts.state },
      trigger: outcome.status === 'succeeded' ? 'operation-succeeded' : 'operation-failed',
      actor: SYSTEM_ACTOR,
      to,
      effects: completion.outcome === 'completed' ? completion.effects : { reversePhase: null, isConditionMet: facts.isConditionMet },
      changes: {
        lastError: error,
        ...(completion.outcome === 'completed' ? { isReversed: completion.next.isReversed, lastRestoreServerId: completion.next.lastRestoreServerId } : {}),
      },
      operationId,
      error,
      audit: {
        action: `operation.${outcome.status}`,
        before: { state: facts.state },
        after: { state: to, operationId, kind, requestedBy: operation.actorName },
        outcome: outcome.status === 'succeeded' ? 'success' : 'failure',
        reason: error,
      },
      notification: error ? operationFailedNotice(kind, error) : null,
      isValid: completion.outcome === 'completed',
    });
  });
}
