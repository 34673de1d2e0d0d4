import type { ChecklistTickRequest } from '@syncsafe/contracts';
import type { PrismaClient } from '@syncsafe/db';
import { returnChecklists } from '@syncsafe/domain';
import { badField } from '../../lib/app-error.ts';
import { appendAudit, type Actor } from '../audit/append-audit.ts';
import { loadJobContext } from './load-job.ts';

const ACTION = 'job.checklist';

/** Records a tick of a manual preparation step in the audit trail (the trail is the checklist's store). */
export async function tickChecklist(prisma: PrismaClient, actor: Actor, jobId: string, tick: ChecklistTickRequest) {
  return prisma.$transaction(async (tx) => {
    const { row, facts } = await loadJobContext(tx, jobId);
    const checklist = returnChecklists(facts).find((c) => c.order === tick.checklist);
    if (!checklist) throw badField('checklist', `No checklist "${tick.checklist}" for this job now`);
    const item = checklist.items.find((i) => i.id === tick.itemId);
    if (!item) throw badField('itemId', `No step "${tick.itemId}" in the ${checklist.title} checklist`);
    await appendAudit(tx, actor, {
      action: ACTION,
      target: { type: 'job', id: jobId, name: row.name },
      after: { checklist: tick.checklist, itemId: tick.itemId, isChecked: tick.isChecked, text: item.text },
      outcome: 'success',
    });
  });
}

/** The latest tick of each step since the job last failed over (older ticks belong to an earlier return). */
export async function checklistState(prisma: PrismaClient, jobId: string) {
  const lastFailover = await prisma.operation.findFirst({ where: { jobId, kind: 'failover', status: 'succeeded' }, orderBy: { finishedAt: 'desc' }, select: { finishedAt: true } });
  const rows = await prisma.auditEvent.findMany({
    where: { action: ACTION, targetType: 'job', targetId: jobId, ...(lastFailover?.finishedAt ? { occurredAt: { gte: lastFailover.finishedAt } } : {}) },
    orderBy: { seq: 'asc' },
  });
  const latest = new Map<string, { itemId: string; checklist: string; isChecked: boolean; actorName: string; at: string }>();
  for (const r of rows) {
    const after = r.after as { checklist: string; itemId: string; isChecked: boolean };
    latest.set(`${after.checklist}/${after.itemId}`, { itemId: after.itemId, checklist: after.checklist, isChecked: after.isChecked, actorName: r.actorName, at: r.occurredAt.toISOString() });
  }
  return { items: [...latest.values()] };
}
