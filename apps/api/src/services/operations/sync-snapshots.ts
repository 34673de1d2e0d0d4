import type { AgentSnapshot } from '@syncsafe/contracts';
import type { Prisma } from '@syncsafe/db';
import { emitEvent } from '../events/emit-event.ts';
import { snapshotView } from '../jobs/job-reads.ts';

/**
 * Makes the console's snapshot list of a job match the target agent's (the agent keeps the copies):
 * new ones are added, vanished ones removed, each change streamed. `testSnapshotId` marks the one a
 * test failover took.
 */
export async function syncSnapshots(tx: Prisma.TransactionClient, jobId: string, snapshots: AgentSnapshot[], testSnapshotId?: string) {
  // The job row first, the write-sequence lock (taken by the events below) after: the order every other
  // transaction that changes a job and streams it takes them, so two of them never deadlock.
  const latest = snapshots.reduce<number | null>((max, s) => (max === null || s.takenAt > max ? s.takenAt : max), null);
  await tx.job.update({ where: { id: jobId }, data: { lastSnapshotAt: latest ? new Date(latest) : null } });
  const known = await tx.snapshot.findMany({ where: { jobId } });
  const byAgentId = new Map(known.map((s) => [s.agentSnapshotId, s]));
  for (const s of snapshots) {
    const existing = byAgentId.get(s.snapshotId);
    const isTestSnapshot = existing?.isTestSnapshot || s.snapshotId === testSnapshotId;
    if (existing && existing.isGood === s.isGood && existing.isTestSnapshot === isTestSnapshot) continue;
    const row = await tx.snapshot.upsert({
      where: { jobId_agentSnapshotId: { jobId, agentSnapshotId: s.snapshotId } },
      create: {
        jobId,
        agentSnapshotId: s.snapshotId,
        type: s.type,
        takenAt: new Date(s.takenAt),
        isGood: s.isGood,
        reason: s.reason,
        files: s.files,
        bytes: BigInt(s.bytes),
        isTestSnapshot,
      },
      update: { isGood: s.isGood, isTestSnapshot },
    });
    await emitEvent(tx, { type: 'snapshot.updated', data: snapshotView(row) }, jobId);
  }
  const present = new Set(snapshots.map((s) => s.snapshotId));
  for (const gone of known.filter((s) => !present.has(s.agentSnapshotId))) {
    await tx.snapshot.delete({ where: { id: gone.id } });
    await emitEvent(tx, { type: 'snapshot.deleted', data: { id: gone.id, jobId } }, jobId);
  }
}
