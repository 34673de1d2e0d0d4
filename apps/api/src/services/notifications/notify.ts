import type { Notification } from '@syncsafe/contracts';
import type { Notification as NotificationRow, Prisma } from '@syncsafe/db';
import { emitEvent } from '../events/emit-event.ts';

export const toNotification = (n: NotificationRow): Notification => ({
  id: n.id,
  kind: n.kind,
  jobId: n.jobId,
  message: n.message,
  createdAt: n.createdAt.toISOString(),
  acknowledgedAt: n.acknowledgedAt?.toISOString() ?? null,
  acknowledgedByName: n.acknowledgedByName,
});

/** Raises a notification every open console shows at once (through the outbox, in the caller's transaction). */
export async function notify(tx: Prisma.TransactionClient, kind: string, jobId: string | null, message: string) {
  const row = await tx.notification.create({ data: { kind, jobId, message } });
  await emitEvent(tx, { type: 'notification.updated', data: toNotification(row) }, jobId);
  return row;
}
