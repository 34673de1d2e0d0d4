import { AuditTargetTypeSchema, JsonSchema, type AuditEvent, type AuditQuery, type AuditVerifyResponse } from '@syncsafe/contracts';
import type { AuditEvent as AuditRow, Prisma, PrismaClient } from '@syncsafe/db';
import { createChainVerifier } from '@syncsafe/domain';

const BATCH = 500;

export function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorRole: row.actorRole,
    sourceIp: row.sourceIp,
    action: row.action,
    targetType: AuditTargetTypeSchema.nullable().parse(row.targetType),
    targetId: row.targetId,
    targetName: row.targetName,
    before: JsonSchema.nullable().parse(row.before),
    after: JsonSchema.nullable().parse(row.after),
    outcome: row.outcome,
    reason: row.reason,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

type AuditFilter = Omit<AuditQuery, 'before' | 'limit'>;

function whereOf(q: AuditFilter): Prisma.AuditEventWhereInput {
  const target = q.jobId
    ? { targetType: 'job', targetId: q.jobId }
    : q.serverId
      ? { targetType: 'server', targetId: q.serverId }
      : q.userId
        ? { OR: [{ targetType: 'user', targetId: q.userId }, { actorId: q.userId }] }
        : {};
  return {
    ...(q.actor ? { actorName: q.actor.toLowerCase() } : {}),
    ...(q.kind ? { action: { startsWith: q.kind } } : {}),
    ...(q.outcome ? { outcome: q.outcome } : {}),
    ...((q.from ?? q.to)
      ? { occurredAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lte: new Date(q.to) } : {}) } }
      : {}),
    ...target,
  };
}

/** Newest first; `nextBefore` pages to older records. */
export async function listAudit(prisma: PrismaClient, q: AuditQuery) {
  const rows = await prisma.auditEvent.findMany({
    where: { ...whereOf(q), ...(q.before ? { seq: { lt: BigInt(q.before) } } : {}) },
    orderBy: { seq: 'desc' },
    take: q.limit + 1,
  });
  const hasMore = rows.length > q.limit;
  const items = rows.slice(0, q.limit).map(toAuditEvent);
  return { items, nextBefore: hasMore ? items[items.length - 1]!.seq : null };
}

/** Oldest first, in batches, for export and verification of any size. */
export async function* iterateAudit(prisma: PrismaClient, filter: AuditFilter = {}) {
  let after = 0n;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({
      where: { ...whereOf(filter), seq: { gt: after } },
      orderBy: { seq: 'asc' },
      take: BATCH,
    });
    for (const row of rows) yield row;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.seq;
  }
}

/** Recomputes every hash and link; names the first record that does not match. */
export async function verifyAudit(prisma: PrismaClient): Promise<AuditVerifyResponse> {
  const verifier = createChainVerifier();
  for await (const row of iterateAudit(prisma)) {
    const event = toAuditEvent(row);
    const problem = verifier.check(event);
    if (problem) {
      // A gap means the record at the expected position is the one that is gone.
      const seq = problem === 'missing_record' ? verifier.nextSeq : event.seq;
      return { isValid: false, checked: verifier.checked, firstBroken: { seq, problem } };
    }
  }
  const head = await prisma.auditHead.findUnique({ where: { id: 1 } });
  const headProblem = verifier.checkHead(head ? { seq: Number(head.seq), hash: head.hash } : null);
  if (headProblem) return { isValid: false, checked: verifier.checked, firstBroken: { seq: verifier.nextSeq, problem: headProblem } };
  return { isValid: true, checked: verifier.checked, firstBroken: null };
}
