import { posix } from 'node:path';
import type { PlannedOp } from '../replication/planned-op.ts';
import type { ReplicaRoot } from '../replication/replica-paths.ts';
import { statEntry, walkDirectory, type TreeEntry } from '../replication/tree-walk.ts';
import type { SourceIndex } from './source-index.ts';

/** True when a path's state differs from what was last sent for it. */
export function hasChanged(sent: TreeEntry, now: TreeEntry): boolean {
  if (sent.type !== now.type || sent.mode !== now.mode) return true;
  if (now.type === 'file') return sent.size !== now.size || sent.mtimeMs !== now.mtimeMs;
  if (now.type === 'symlink') return sent.linkTarget !== now.linkTarget;
  return false;
}

/**
 * A vanished entry and a new one are the same object moved when inode, type and (for files) size
 * and time agree: the kernel reuses a freed inode at once, so the inode alone would take a new
 * file for a rename of a deleted one.
 */
function isSameObject(sent: TreeEntry, now: TreeEntry): boolean {
  if (sent.type !== now.type || sent.ino !== now.ino) return false;
  return now.type !== 'file' || (sent.size === now.size && sent.mtimeMs === now.mtimeMs);
}

/**
 * Turns changed paths into ops by comparing each path on disk with the source index, and updates
 * the index as it goes. Renames are recognised by inode (a path vanished, another appeared with
 * the same inode) and sent as renames, so a renamed directory is not sent again. A new directory
 * is scanned whole: the watcher cannot see what was created in it before its watch existed
 * (`mkdir -p a/b/c && echo x > a/b/c/f` reports only `a`).
 */
export class ChangePlanner {
  constructor(
    private readonly index: SourceIndex,
    private readonly roots: readonly ReplicaRoot[],
  ) {}

  plan(paths: readonly string[]): PlannedOp[] {
    const ops: PlannedOp[] = [];
    const now = new Map<string, TreeEntry | null>();
    for (const path of paths) {
      const root = this.rootOf(path);
      if (root) now.set(path, statEntry(path, posix.join(root.dir, path.slice(root.prefix.length))));
    }
    const renamedFrom = this.planRenames(now, ops);
    for (const [path, entry] of now) {
      if (!renamedFrom.has(path)) this.planPath(path, entry, ops);
    }
    return ops;
  }

  private planRenames(now: Map<string, TreeEntry | null>, ops: PlannedOp[]): Set<string> {
    const vanishedByInode = new Map<number, string>();
    for (const [path, entry] of now) {
      const sent = this.index.get(path);
      if (entry === null && sent) vanishedByInode.set(sent.ino, path);
    }
    const renamedFrom = new Set<string>();
    if (vanishedByInode.size === 0) return renamedFrom;
    for (const [path, entry] of now) {
      if (!entry || this.index.has(path)) continue;
      const from = vanishedByInode.get(entry.ino);
      const sent = from === undefined ? undefined : this.index.get(from);
      if (from === undefined || !sent || !isSameObject(sent, entry) || path.startsWith(`${from}/`)) continue;
      if (!this.ensureParents(path, ops)) continue;
      ops.push({ kind: 'rename', fromPath: from, path });
      this.index.moveTree(from, path, sent.absolute, entry.absolute);
      vanishedByInode.delete(entry.ino);
      renamedFrom.add(from);
    }
    return renamedFrom;
  }

  private planPath(path: string, entry: TreeEntry | null, ops: PlannedOp[]): void {
    if (entry === null) {
      if (this.index.has(path)) {
        ops.push({ kind: 'delete', path });
        this.index.removeTree(path);
      }
      return;
    }
    if (!this.ensureParents(path, ops)) return;
    let sent = this.index.get(path);
    if (sent && sent.type !== entry.type) {
      ops.push({ kind: 'delete', path });
      this.index.removeTree(path);
      sent = undefined;
    }
    if (sent && !hasChanged(sent, entry)) return;
    this.index.set(entry);
    if (entry.type === 'dir') {
      if (sent) {
        ops.push({ kind: 'set-attributes', entry });
        return;
      }
      ops.push({ kind: 'mkdir', entry });
      const inside: TreeEntry[] = [];
      walkDirectory(path, entry.absolute, inside);
      for (const child of inside.sort((a, b) => (a.path < b.path ? -1 : 1))) this.planPath(child.path, child, ops);
    } else if (entry.type === 'symlink') {
      ops.push({ kind: 'symlink', entry });
    } else if (sent && sent.size === entry.size && sent.mtimeMs === entry.mtimeMs) {
      ops.push({ kind: 'set-attributes', entry });
    } else {
      ops.push({ kind: 'file', entry, resumeFrom: 0 });
    }
  }

  /** Sends missing parent directories first; false when a parent is gone (its delete will follow). */
  private ensureParents(path: string, ops: PlannedOp[]): boolean {
    const root = this.rootOf(path);
    if (!root || path === root.prefix) return true;
    const parent = posix.dirname(path);
    const sent = this.index.get(parent);
    if (sent?.type === 'dir') return true;
    const entry = statEntry(parent, posix.join(root.dir, parent.slice(root.prefix.length)));
    if (!entry || entry.type !== 'dir') return false;
    this.planPath(parent, entry, ops);
    return this.index.get(parent)?.type === 'dir';
  }

  private rootOf(path: string): ReplicaRoot | undefined {
    return this.roots.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`));
  }
}
