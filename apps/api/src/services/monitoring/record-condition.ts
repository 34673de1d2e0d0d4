import type { JobState, Notification } from '@syncsafe/contracts';
import type { Prisma, PrismaClient } from '@syncsafe/db';
import { handleEvent, type ConditionEvent } from '@syncsafe/domain';
import { appendAudit, SYSTEM_ACTOR } from '../audit/append-audit.ts';
import { emitEvent } from '../events/emit-event.ts';
import { loadJobContext } from '../jobs/load-job.ts';
import { publishJob } from '../jobs/publish-job.ts';
import { lockJob, persistCommand } from '../jobs/submit-command.ts';

export const toNotification = (n: { id: string; kind: string; jobId: string | null; message: string; createdAt: Date; acknowledgedAt: Date | null; acknowledgedByName: string | null }): Notification => ({
  id: n.id,
  kind: n.kind,
  jobId: n.jobId,
  message: n.message,
  createdAt: n.createdAt.toISOString(),
  acknowledgedAt: n.acknowledgedAt?.toISOString() ?? null,
  acknowledgedByName: n.acknowledgedByName,
});

export async function notify(tx: Prisma.TransactionClient, kind: string, jobId: string | null, message: string) {
  const row = await tx.notification.create({ data: { kind, jobId, message } });
  await emitEvent(tx, { type: 'notification.updated', data: toNotification(row) }, jobId);
  return row;
}

/**
 * The failover monitor's verdict on one job, applied by the domain's event rows: condition met →
 * automatic failover (an operation, as if an operator had asked) or "Failover condition met" with a
 * notification; condition cleared → Protecting again. Returns the operation to run, if any.
 */
export async function recordCondition(prisma: PrismaClient, jobId: string, event: ConditionEvent): Promise<string | null> {
  return prisma.$transaction(async (tx) => {
    await lockJob(tx, jobId);
    const { row, facts } = await loadJobContext(tx, jobId);
    const result = handleEvent(facts, event);
    if (result.outcome === 'ignored') return null;
    if (result.operation?.operation) {
      const started = await persistCommand(tx, jobId, result.operation.operation.input, { actor: SYSTEM_ACTOR });
      await tx.job.update({ where: { id: jobId }, data: { conditionMetAt: new Date() } });
      if (result.notification) await notify(tx, 'failover-condition-met', jobId, `${row.name}: ${result.notification}`);
      await publishJob(tx, jobId);
      return started.operationId;
    }
    await tx.job.update({
      where: { id: jobId },
      data: { state: result.to as JobState, version: { increment: 1 }, conditionMetAt: event === 'condition-met' ? new Date() : null },
    });
    await tx.jobTransition.create({ data: { jobId, fromState: result.from, toState: result.to, trigger: event, actorName: 'system', isValid: true } });
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: `job.${event}`,
      target: { type: 'job', id: jobId, name: row.name },
      before: { state: result.from },
      after: { state: result.to },
      outcome: 'success',
      reason: result.notification,
    });
    if (result.notification) await notify(tx, 'failover-condition-met', jobId, `${row.name}: ${result.notification}`);
    await publishJob(tx, jobId);
    return null;
  });
}
