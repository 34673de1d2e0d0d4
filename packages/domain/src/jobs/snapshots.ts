import { snapshotTypeLabels, type SnapshotChoice, type SnapshotType } from '@syncsafe/contracts';
import type { JobFacts, SnapshotFacts } from './job-facts.ts';

/** What each snapshot type means (its label is the contracts' `snapshotTypeLabels`). */
export const SNAPSHOT_TYPES: Record<SnapshotType, { label: string; description: string }> = {
  scheduled: { label: snapshotTypeLabels.scheduled, description: 'This snapshot was taken as part of a periodic snapshot.' },
  deferred: {
    label: snapshotTypeLabels.deferred,
    description:
      'This snapshot was taken as part of a periodic snapshot, although it did not occur at the specified interval because the job between the source and target was not in a good state.',
  },
  manual: { label: snapshotTypeLabels.manual, description: 'This snapshot was taken manually by a user.' },
  automatic: { label: snapshotTypeLabels.automatic, description: 'This snapshot was taken automatically when the target data state turned bad.' },
};

const newestFirst = (a: SnapshotFacts, b: SnapshotFacts) => Date.parse(b.takenAt) - Date.parse(a.takenAt);

export function snapshotsNewestFirst(facts: Pick<JobFacts, 'snapshots'>): SnapshotFacts[] {
  return [...facts.snapshots].sort(newestFirst);
}

/** What Revert To Last Good Snapshot would revert to. */
export function lastGoodSnapshot(facts: Pick<JobFacts, 'snapshots'>): SnapshotFacts | null {
  return snapshotsNewestFirst(facts).find((s) => s.isGood) ?? null;
}

/** The snapshot of the current (or last) test failover. */
export function testSnapshot(facts: Pick<JobFacts, 'snapshots'>): SnapshotFacts | null {
  return snapshotsNewestFirst(facts).find((s) => s.isTestSnapshot) ?? null;
}

export function findSnapshot(facts: Pick<JobFacts, 'snapshots'>, id: string | undefined): SnapshotFacts | null {
  return id === undefined ? null : (facts.snapshots.find((s) => s.id === id) ?? null);
}

export function toSnapshotChoice(snapshot: SnapshotFacts): SnapshotChoice {
  const type = SNAPSHOT_TYPES[snapshot.type];
  return {
    snapshotId: snapshot.id,
    type: snapshot.type,
    typeLabel: type.label,
    typeDescription: type.description,
    takenAt: snapshot.takenAt,
    isGood: snapshot.isGood,
    isTestSnapshot: snapshot.isTestSnapshot,
  };
}
