import type { StreamEventBody } from '@syncsafe/contracts';
import type { Prisma } from '@syncsafe/db';
import { lockWriteSequence } from './write-sequence.ts';

export const EVENTS_CHANNEL = 'syncsafe_events';

/** The event as jsonb keeps it: plain JSON, undefined fields dropped. */
const toPlainJson = (data: StreamEventBody['data']): Prisma.InputJsonValue => JSON.parse(JSON.stringify(data));

/**
 * Writes a stream event to the outbox inside the caller's transaction: it exists exactly when the
 * change does. The NOTIFY is delivered on commit and only wakes readers; they read the outbox.
 */
export async function emitEvent(tx: Prisma.TransactionClient, event: StreamEventBody, jobId?: string | null): Promise<number> {
  await lockWriteSequence(tx);
  await tx.$executeRaw`INSERT INTO event_head (id, seq) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`;
  const [head] = await tx.$queryRaw<{ seq: bigint }[]>`UPDATE event_head SET seq = seq + 1 WHERE id = 1 RETURNING seq`;
  const seq = head!.seq;
  await tx.event.create({
    data: { seq, type: event.type, jobId: jobId ?? null, data: toPlainJson(event.data) },
  });
  await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, ${seq.toString()})`;
  return Number(seq);
}
