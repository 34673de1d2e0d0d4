import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, symlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { setPathTimes, toReplicableMode, toWholeMs } from '../replication/file-attributes.ts';

export interface TreeCount {
  files: number;
  bytes: number;
}

function isSameFile(a: Stats, b: Stats | null): boolean {
  return b !== null && b.isFile() && a.size === b.size && toWholeMs(a.mtimeMs) === toWholeMs(b.mtimeMs);
}

function statOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function copyFile(from: string, to: string, st: Stats): void {
  copyFileSync(from, to);
  chmodSync(to, toReplicableMode(st.mode));
  setPathTimes(to, toWholeMs(st.mtimeMs));
}

/**
 * Takes a point-in-time copy of a tree. Files unchanged since the previous snapshot are hard links
 * to that snapshot's file (snapshots are never written); changed files are copied. Snapshot files
 * never share an inode with the live tree, so writing a replica file in place (users after a
 * failover do) cannot alter a snapshot.
 */
export function snapshotTree(from: string, to: string, previous: string | null, count: TreeCount = { files: 0, bytes: 0 }): TreeCount {
  const st = lstatSync(from);
  mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    const earlier = previous === null ? null : join(previous, entry.name);
    if (entry.isDirectory()) {
      snapshotTree(source, target, earlier !== null && existsSync(earlier) ? earlier : null, count);
    } else if (entry.isFile()) {
      const now = lstatSync(source);
      if (earlier !== null && isSameFile(now, statOrNull(earlier))) linkSync(earlier, target);
      else copyFile(source, target, now);
      count.files++;
      count.bytes += now.size;
    } else if (entry.isSymbolicLink()) {
      symlinkSync(readlinkSync(source), target);
      count.files++;
    }
  }
  finishDirectory(to, st);
  return count;
}

/**
 * Makes a live tree equal to a snapshot's copy: files that differ are copied back (never linked, so
 * the snapshot stays intact), entries the snapshot does not have are removed.
 */
export function restoreTree(from: string, to: string): void {
  const st = lstatSync(from);
  const current = statOrNull(to);
  if (current && !current.isDirectory()) rmSync(to, { force: true });
  mkdirSync(to, { recursive: true, mode: 0o700 });
  const wanted = new Set<string>();
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    wanted.add(entry.name);
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    const there = statOrNull(target);
    if (entry.isDirectory()) {
      restoreTree(source, target);
    } else if (entry.isFile()) {
      const snap = lstatSync(source);
      if (there && isSameFile(snap, there) && there.nlink === 1 && (there.mode & 0o7777) === toReplicableMode(snap.mode)) continue;
      if (there) rmSync(target, { recursive: true, force: true });
      copyFile(source, target, snap);
    } else if (entry.isSymbolicLink()) {
      if (there) rmSync(target, { recursive: true, force: true });
      symlinkSync(readlinkSync(source), target);
    }
  }
  for (const name of readdirSync(to)) if (!wanted.has(name)) rmSync(join(to, name), { recursive: true, force: true });
  finishDirectory(to, st);
}

/** Directory mode and time last, since creating entries changed the time; the owner keeps write permission. */
function finishDirectory(path: string, st: Stats): void {
  chmodSync(path, toReplicableMode(st.mode) | 0o700);
  setPathTimes(path, toWholeMs(st.mtimeMs));
}
