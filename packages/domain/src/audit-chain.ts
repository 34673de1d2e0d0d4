import { createHash } from 'node:crypto';

/** The first record links to this. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit record covered by its hash (everything but prevHash and hash themselves). */
export interface AuditRecordBody {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string;
  actorRole: string | null;
  sourceIp: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  before: unknown;
  after: unknown;
  outcome: string;
  reason: string | null;
}

export interface ChainedAuditRecord extends AuditRecordBody {
  prevHash: string;
  hash: string;
}

export type ChainProblem = 'hash_mismatch' | 'link_mismatch' | 'missing_record' | 'head_mismatch';

/** JSON with object keys sorted at every depth, so a value hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashAuditRecord(prevHash: string, body: AuditRecordBody): string {
  const covered: AuditRecordBody = {
    seq: body.seq,
    occurredAt: body.occurredAt,
    actorId: body.actorId,
    actorName: body.actorName,
    actorRole: body.actorRole,
    sourceIp: body.sourceIp,
    action: body.action,
    targetType: body.targetType,
    targetId: body.targetId,
    targetName: body.targetName,
    before: body.before ?? null,
    after: body.after ?? null,
    outcome: body.outcome,
    reason: body.reason,
  };
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(covered)).digest('hex');
}

/**
 * Walks a chain in seq order, one record at a time (so a caller can stream millions of rows).
 * `check` returns the first problem found for this record, or null.
 */
export function createChainVerifier() {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  return {
    check(record: ChainedAuditRecord): ChainProblem | null {
      if (record.seq !== expectedSeq) return 'missing_record';
      if (record.prevHash !== prevHash) return 'link_mismatch';
      if (hashAuditRecord(record.prevHash, record) !== record.hash) return 'hash_mismatch';
      expectedSeq += 1;
      prevHash = record.hash;
      checked += 1;
      return null;
    },
    /** After the last record: the chain's stored head must point at it, or records were cut from the end. */
    checkHead(head: { seq: number; hash: string } | null): ChainProblem | null {
      const headSeq = head?.seq ?? 0;
      const headHash = head?.hash ?? GENESIS_HASH;
      return headSeq === expectedSeq - 1 && headHash === prevHash ? null : 'head_mismatch';
    },
    get checked() {
      return checked;
    },
    get nextSeq() {
      return expectedSeq;
    },
  };
}
