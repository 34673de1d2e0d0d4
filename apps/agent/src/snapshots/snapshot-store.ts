import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AgentSnapshotSchema, type AgentSnapshot, type AgentSnapshotType } from '@syncsafe/contracts';
import type { ReplicaRoot } from '../replication/replica-paths.ts';
import { notFound } from '../server/agent-error.ts';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file.ts';
import { restoreTree, snapshotTree } from './snapshot-tree.ts';

const AUTOMATIC_SNAPSHOTS_KEPT = 5;

/**
 * Point-in-time copies of a job's replica, kept next to it: `<dir>/<snapshotId>/snapshot.json` and
 * `<dir>/<snapshotId>/tree/<folder>`. Files unchanged since the previous snapshot are hard links
 * between snapshots; none is ever shared with the live replica.
 */
export class SnapshotStore {
  constructor(
    private readonly dir: string,
    private readonly jobId: string,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  list(): AgentSnapshot[] {
    const snapshots: AgentSnapshot[] = [];
    for (const name of readdirSync(this.dir)) {
      const snapshot = readJsonFile(join(this.dir, name, 'snapshot.json'), AgentSnapshotSchema);
      if (snapshot) snapshots.push(snapshot);
    }
    return snapshots.sort((a, b) => a.takenAt - b.takenAt || a.snapshotId.localeCompare(b.snapshotId));
  }

  get(snapshotId: string): AgentSnapshot {
    const snapshot = /^[a-z0-9-]+$/.test(snapshotId)
      ? readJsonFile(join(this.dir, snapshotId, 'snapshot.json'), AgentSnapshotSchema)
      : null;
    if (!snapshot) throw notFound(`snapshot ${snapshotId} does not exist`);
    return snapshot;
  }

  lastGood(): AgentSnapshot | null {
    return this.list().filter((s) => s.isGood).at(-1) ?? null;
  }

  take(roots: readonly ReplicaRoot[], type: AgentSnapshotType, isGood: boolean, reason: string | null): AgentSnapshot {
    const snapshotId = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const base = join(this.dir, snapshotId);
    const previous = this.list().at(-1);
    const count = { files: 0, bytes: 0 };
    for (const root of roots) {
      if (!existsSync(root.dir)) continue;
      const earlier = previous ? join(this.dir, previous.snapshotId, 'tree', root.prefix) : null;
      snapshotTree(root.dir, join(base, 'tree', root.prefix), earlier !== null && existsSync(earlier) ? earlier : null, count);
    }
    mkdirSync(base, { recursive: true, mode: 0o700 });
    const snapshot: AgentSnapshot = {
      snapshotId,
      jobId: this.jobId,
      type,
      takenAt: Date.now(),
      isGood,
      reason,
      files: count.files,
      bytes: count.bytes,
    };
    writeJsonFileAtomic(join(base, 'snapshot.json'), snapshot);
    if (type === 'automatic') this.pruneAutomatic();
    return snapshot;
  }

  delete(snapshotId: string): boolean {
    const snapshot = this.get(snapshotId);
    rmSync(join(this.dir, snapshot.snapshotId), { recursive: true, force: true });
    return true;
  }

  /** Replaces each replicated folder with its copy in the snapshot. */
  revert(snapshotId: string, roots: readonly ReplicaRoot[]): AgentSnapshot {
    const snapshot = this.get(snapshotId);
    for (const root of roots) {
      const copy = join(this.dir, snapshotId, 'tree', root.prefix);
      if (existsSync(copy)) {
        restoreTree(copy, root.dir);
      } else {
        rmSync(root.dir, { recursive: true, force: true });
        mkdirSync(root.dir, { recursive: true });
      }
    }
    return snapshot;
  }

  /** The replicated folders as they are inside a snapshot (to mirror a snapshot elsewhere). */
  rootsOf(snapshotId: string, roots: readonly ReplicaRoot[]): ReplicaRoot[] {
    this.get(snapshotId);
    return roots.map((r) => ({ prefix: r.prefix, dir: join(this.dir, snapshotId, 'tree', r.prefix) }));
  }

  private pruneAutomatic(): void {
    const automatic = this.list().filter((s) => s.type === 'automatic');
    for (const old of automatic.slice(0, Math.max(0, automatic.length - AUTOMATIC_SNAPSHOTS_KEPT))) this.delete(old.snapshotId);
  }
}
