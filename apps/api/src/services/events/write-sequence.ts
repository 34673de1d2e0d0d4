import type { Prisma } from '@syncsafe/db';
import { GENESIS_HASH } from '@syncsafe/domain';

/**
 * Takes the console's write-sequence lock for the rest of the transaction: the row of the audit chain
 * head. Audit records and stream events both allocate their seq under it, so (1) each chain has one
 * order and (2) commit order equals seq order, which lets stream readers never skip an event. A
 * transaction takes it after the rows it changes (the job row first: `lockJob`, or its update) and locks
 * no other row a concurrent writer could hold afterwards, so two writers never wait on each other.
 */
export async function lockWriteSequence(tx: Prisma.TransactionClient): Promise<{ seq: bigint; hash: string }> {
  await tx.$executeRaw`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, ${GENESIS_HASH}) ON CONFLICT (id) DO NOTHING`;
  const [head] = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`;
  return head!;
}
