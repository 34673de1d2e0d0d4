import type { PrismaClient } from '@syncsafe/db';
import { handleEvent, type ConditionEvent } from '@syncsafe/domain';
import { SYSTEM_ACTOR } from '../audit/append-audit.ts';
import { applyTransition, lockJob } from '../jobs/apply-transition.ts';
import { loadJobContext } from '../jobs/load-job.ts';
import { startOperation } from '../jobs/submit-command.ts';

/**
 * The failover monitor's verdict on one job, applied by the domain's event rows: condition met →
 * automatic failover (an operation, decided once by the domain, recorded with `condition-met` as its
 * trigger) or a notification (wait for user); condition cleared → the condition ends. Returns the
 * operation to run, if any.
 */
export async function recordCondition(prisma: PrismaClient, jobId: string, event: ConditionEvent): Promise<string | null> {
  return prisma.$transaction(async (tx) => {
    await lockJob(tx, jobId);
    const context = await loadJobContext(tx, jobId);
    const result = handleEvent(context.facts, event);
    if (result.outcome === 'ignored') return null;
    const meta = { actor: SYSTEM_ACTOR };
    const decision = result.operation;
    if (decision?.operation) {
      return startOperation(tx, context, { ...decision, operation: decision.operation }, { trigger: event, effects: result.effects, notification: result.notification, meta });
    }
    await applyTransition(tx, {
      job: { ...context.row, state: result.from },
      trigger: event,
      actor: SYSTEM_ACTOR,
      to: result.to,
      effects: result.effects,
      audit: { action: `job.${event}`, before: { state: result.from }, after: { state: result.to }, outcome: 'success', reason: result.notification?.message ?? null },
      notification: result.notification,
    });
    return null;
  });
}
