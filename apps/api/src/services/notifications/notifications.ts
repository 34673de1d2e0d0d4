import type { PrismaClient } from '@syncsafe/db';
import { notFound } from '../../lib/app-error.ts';
import { appendAudit, type Actor } from '../audit/append-audit.ts';
import { emitEvent } from '../events/emit-event.ts';
import { toNotification } from './notify.ts';

export async function listNotifications(prisma: PrismaClient, query: { isOpen?: boolean | undefined }) {
  const rows = await prisma.notification.findMany({
    where: query.isOpen ? { acknowledgedAt: null } : {},
    orderBy: { createdAt: 'desc' },
    take: 200,
  });
  return { items: rows.map(toNotification) };
}

/** An operator acknowledges a notification; every console hears it, and the audit trail keeps who. */
export async function acknowledgeNotification(prisma: PrismaClient, actor: Actor, id: string) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.notification.findUnique({ where: { id } });
    if (!before) throw notFound('Notification');
    if (before.acknowledgedAt) return toNotification(before);
    const row = await tx.notification.update({ where: { id }, data: { acknowledgedAt: new Date(), acknowledgedById: actor.id, acknowledgedByName: actor.name } });
    await appendAudit(tx, actor, {
      action: 'notification.acknowledge',
      target: before.jobId ? { type: 'job', id: before.jobId } : { type: 'system', id },
      after: { notificationId: id, kind: row.kind, message: row.message },
      outcome: 'success',
    });
    const view = toNotification(row);
    await emitEvent(tx, { type: 'notification.updated', data: view }, row.jobId);
    return view;
  });
}
