import type { AuditOutcome, AuditTargetType, Json, Role } from '@syncsafe/contracts';
import type { Prisma } from '@syncsafe/db';
import { hashAuditRecord, type AuditRecordBody } from '@syncsafe/domain';
import { lockWriteSequence } from '../events/write-sequence.ts';

/** Who did it, from where. `system` for the console's own actions. */
export interface Actor {
  id: string | null;
  name: string;
  role: Role | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', role: null, ip: null };

export interface AuditEntry {
  action: string;
  target?: { type: AuditTargetType; id?: string | null; name?: string | null };
  before?: unknown;
  after?: unknown;
  outcome: AuditOutcome;
  reason?: string | null;
}

/** Plain JSON (dates as ISO strings), so what is hashed is exactly what jsonb gives back. */
const toJson = (value: unknown): Json | null => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/**
 * Appends one record to the hash chain inside the caller's transaction, so the record exists
 * exactly when the change does. The write-sequence lock serialises concurrent appends.
 */
export async function appendAudit(tx: Prisma.TransactionClient, actor: Actor, entry: AuditEntry, now = new Date()) {
  const head = await lockWriteSequence(tx);
  const seq = Number(head.seq) + 1;
  const before = toJson(entry.before);
  const after = toJson(entry.after);
  const body: AuditRecordBody = {
    seq,
    occurredAt: now.toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    actorRole: actor.role,
    sourceIp: actor.ip,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetName: entry.target?.name ?? null,
    before,
    after,
    outcome: entry.outcome,
    reason: entry.reason ?? null,
  };
  const hash = hashAuditRecord(head.hash, body);
  await tx.auditEvent.create({
    data: {
      ...body,
      seq: BigInt(seq),
      occurredAt: now,
      actorRole: actor.role,
      outcome: entry.outcome,
      before: before ?? undefined,
      after: after ?? undefined,
      prevHash: head.hash,
      hash,
    },
  });
  await tx.auditHead.update({ where: { id: 1 }, data: { seq: BigInt(seq), hash } });
  return { seq, hash };
}
