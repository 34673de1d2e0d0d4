import { ChecklistTickRequestSchema, type ChecklistTick, type ChecklistTickRequest } from '@syncsafe/contracts';
import type { PrismaClient } from '@syncsafe/db';
import { returnChecklists } from '@syncsafe/domain';
import { badField } from '../../lib/app-error.ts';
import { appendAudit, type Actor } from '../audit/append-audit.ts';
import { emitEvent } from '../events/emit-event.ts';
import { loadJobContext } from './load-job.ts';

const ACTION = 'job.checklist';

/**
 * Records a tick of a manual preparation step in the audit trail (the trail is the checklist's store), and
 * tells every open console on the stream in the same transaction; the event's tick is the one GET lists.
 */
export async function tickChecklist(prisma: PrismaClient, actor: Actor, jobId: string, tick: ChecklistTickRequest) {
  return prisma.$transaction(async (tx) => {
    const { row, facts } = await loadJobContext(tx, jobId);
    const checklist = returnChecklists(facts).find((c) => c.order === tick.checklist);
    if (!checklist) throw badField('checklist', `No checklist "${tick.checklist}" for this job now`);
    const item = checklist.items.find((i) => i.id === tick.itemId);
    if (!item) throw badField('itemId', `No step "${tick.itemId}" in the ${checklist.title} checklist`);
    const now = new Date();
    await appendAudit(tx, actor, {
      action: ACTION,
      target: { type: 'job', id: jobId, name: row.name },
      after: { checklist: tick.checklist, itemId: tick.itemId, isChecked: tick.isChecked, text: item.text },
      outcome: 'success',
    }, now);
    const ticked: ChecklistTick = { checklist: tick.checklist, itemId: tick.itemId, isChecked: tick.isChecked, actorName: actor.name, at: now.toISOString() };
    await emitEvent(tx, { type: 'checklist.updated', data: { jobId, ...ticked } }, jobId);
  });
}

/** The latest tick of each step since the job last failed over (older ticks belong to an earlier return). */
export async function checklistState(prisma: PrismaClient, jobId: string) {
  const lastFailover = await prisma.operation.findFirst({ where: { jobId, kind: 'failover', status: 'succeeded' }, orderBy: { finishedAt: 'desc' }, select: { finishedAt: true } });
  const rows = await prisma.auditEvent.findMany({
    // A refused tick is recorded under the same action (without a tick): only recorded ticks count.
    where: { action: ACTION, outcome: 'success', targetType: 'job', targetId: jobId, ...(lastFailover?.finishedAt ? { occurredAt: { gte: lastFailover.finishedAt } } : {}) },
    orderBy: { seq: 'asc' },
  });
  const latest = new Map<string, ChecklistTick>();
  for (const r of rows) {
    const after = ChecklistTickRequestSchema.parse(r.after);
    latest.set(`${after.checklist}/${after.itemId}`, { itemId: after.itemId, checklist: after.checklist, isChecked: after.isChecked, actorName: r.actorName, at: r.occurredAt.toISOString() });
  }
  return { items: [...latest.values()] };
}
