import { createHash } from 'node:crypto';
import { closeSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, type Stats } from 'node:fs';
import { posix } from 'node:path';
import type { AgentEntryType } from '@syncsafe/contracts';
import { toReplicableMode, toWholeMs } from './file-attributes.ts';
import type { ReplicaRoot } from './replica-paths.ts';

/** One file, directory or link found on disk, named by its channel-relative path. */
export interface TreeEntry {
  path: string;
  absolute: string;
  type: AgentEntryType;
  mode: number;
  size: number;
  mtimeMs: number;
  ino: number;
  linkTarget: string | null;
}

export function toTreeEntry(path: string, absolute: string, st: Stats): TreeEntry | null {
  const type: AgentEntryType | null = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : null;
  if (type === null) return null; // sockets, fifos and devices are not replicated
  return {
    path,
    absolute,
    type,
    mode: toReplicableMode(st.mode),
    size: type === 'file' ? st.size : 0,
    mtimeMs: toWholeMs(st.mtimeMs),
    ino: st.ino,
    linkTarget: type === 'symlink' ? readlinkSync(absolute) : null,
  };
}

export function statEntry(path: string, absolute: string): TreeEntry | null {
  try {
    return toTreeEntry(path, absolute, lstatSync(absolute));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/**
 * Walks the replicated folders without following links; entries come out sorted by path, so a
 * directory always comes before what it contains. A root that does not exist yields nothing.
 */
export function walkRoots(roots: readonly ReplicaRoot[]): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const root of roots) {
    if (root.prefix !== '') {
      const top = statEntry(root.prefix, root.dir);
      if (!top) continue;
      entries.push(top);
      if (top.type !== 'dir') continue;
    }
    walkDirectory(root.prefix, root.dir, entries);
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The same walk, giving the event loop a turn after each directory: a mirror walks its side while
 * the receiver builds its manifest, instead of one after the other.
 */
export async function walkRootsConcurrently(roots: readonly ReplicaRoot[]): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  const pending: Array<{ path: string; absolute: string }> = [];
  for (const root of roots) {
    if (root.prefix !== '') {
      const top = statEntry(root.prefix, root.dir);
      if (!top) continue;
      entries.push(top);
      if (top.type === 'dir') pending.push({ path: top.path, absolute: top.absolute });
    } else {
      pending.push({ path: '', absolute: root.dir });
    }
  }
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const found: TreeEntry[] = [];
    listDirectory(dir.path, dir.absolute, found);
    for (const entry of found) {
      entries.push(entry);
      if (entry.type === 'dir') pending.push({ path: entry.path, absolute: entry.absolute });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The entries directly in one directory. */
function listDirectory(path: string, absolute: string, into: TreeEntry[]): void {
  let names: string[];
  try {
    names = readdirSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    throw error;
  }
  for (const name of names) {
    const entry = statEntry(path === '' ? name : `${path}/${name}`, `${absolute}/${name}`);
    if (entry) into.push(entry);
  }
}

export function walkDirectory(path: string, absolute: string, into: TreeEntry[]): void {
  let names: string[];
  try {
    names = readdirSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    throw error;
  }
  for (const name of names) {
    const childPath = path === '' ? name : `${path}/${name}`;
    const entry = statEntry(childPath, posix.join(absolute, name));
    if (!entry) continue;
    into.push(entry);
    if (entry.type === 'dir') walkDirectory(childPath, entry.absolute, into);
  }
}

/** Hashes every file of a walk, giving the event loop a turn between files (the other side hashes meanwhile). */
export async function hashFilesConcurrently(entries: readonly TreeEntry[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  let sinceYield = 0;
  for (const entry of entries) {
    if (entry.type !== 'file') continue;
    try {
      hashes.set(entry.path, hashFile(entry.absolute));
    } catch {
      continue; // gone since the walk: compared (and found missing) later
    }
    sinceYield += entry.size + 4096;
    if (sinceYield >= 4 * 1024 * 1024) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return hashes;
}

const HASH_BUFFER = Buffer.allocUnsafe(1 << 20);

/** sha256 hex of a file's content. */
export function hashFile(absolute: string): string {
  const hash = createHash('sha256');
  const fd = openSync(absolute, 'r');
  try {
    for (;;) {
      const n = readSync(fd, HASH_BUFFER, 0, HASH_BUFFER.length, null);
      if (n === 0) break;
      hash.update(HASH_BUFFER.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
