import { lstatSync, mkdirSync } from 'node:fs';
import { posix } from 'node:path';

/** A replicated folder: ops whose path starts with `prefix` land under `dir` on this machine. */
export interface ReplicaRoot {
  /** Channel-relative path of the folder, e.g. `srv/data`. */
  prefix: string;
  /** Absolute directory on this machine, e.g. `/replicas/web01/srv/data`. */
  dir: string;
}

export interface ResolvedPath {
  path: string;
  absolute: string;
  root: ReplicaRoot;
}

/** A change whose path would leave the replicated folders; refused and reported, never applied. */
export class PathRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`refused ${JSON.stringify(path)}: ${reason}`);
  }
}

const MAX_SEGMENT_BYTES = 255;

/** Splits a channel-relative path, refusing anything but plain, normalised, relative segments. */
export function splitReplicaPath(path: unknown): string[] {
  if (typeof path !== 'string' || path.length === 0) throw new PathRefusedError(String(path), 'empty path');
  if (path.includes('\0')) throw new PathRefusedError(path, 'path contains NUL');
  if (path.startsWith('/')) throw new PathRefusedError(path, 'absolute path');
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.') throw new PathRefusedError(path, 'path is not normalised');
    if (segment === '..') throw new PathRefusedError(path, 'path climbs out with ".."');
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) throw new PathRefusedError(path, 'path segment too long');
  }
  return segments;
}

function isWithin(path: string, prefix: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Resolves untrusted channel paths to absolute paths inside the replicated folders, and checks that
 * no directory on the way is a symbolic link (writing through one could land anywhere). Directories
 * already checked are remembered until a change that could swap one for a link (delete, rename, symlink).
 */
export class ReplicaPaths {
  private readonly verified = new Set<string>();

  constructor(readonly roots: readonly ReplicaRoot[]) {}

  resolve(path: unknown): ResolvedPath {
    splitReplicaPath(path);
    const text = path as string;
    const root = this.roots.find((r) => isWithin(text, r.prefix));
    if (!root) throw new PathRefusedError(text, 'path is outside the replicated folders');
    // The path is made of plain names only (checked above), so joining needs no normalisation.
    const below = root.prefix === '' ? `/${text}` : text.slice(root.prefix.length);
    return { path: text, absolute: `${root.dir}${below}`, root };
  }

  /** Checks every existing directory from the root down to the parent; creates the missing ones when asked. */
  checkParents(resolved: ResolvedPath, shouldCreate: boolean): void {
    // Directories are checked top-down and forgotten all at once, so a checked parent means checked ancestors.
    const rootDir = resolved.root.dir;
    if (resolved.absolute === rootDir) {
      if (this.verified.has(rootDir)) return;
    } else if (this.verified.has(resolved.absolute.slice(0, resolved.absolute.lastIndexOf('/')))) {
      return;
    }
    const parents = [rootDir];
    const below = resolved.absolute.slice(rootDir.length + 1).split('/');
    let current = rootDir;
    for (let i = 0; i < below.length - 1; i++) {
      current = `${current}/${below[i]}`;
      parents.push(current);
    }
    for (const dir of parents) {
      if (this.verified.has(dir)) continue;
      const kind = lstatKind(dir);
      if (kind === 'missing') {
        if (!shouldCreate) return;
        mkdirSync(dir, { mode: 0o755 });
      } else if (kind === 'symlink') {
        throw new PathRefusedError(resolved.path, 'a parent directory is a symbolic link');
      } else if (kind !== 'dir') {
        throw new PathRefusedError(resolved.path, 'a parent is not a directory');
      }
      this.verified.add(dir);
    }
  }

  /** A symbolic link may only point (relatively) at something inside its own replicated folder. */
  checkLinkTarget(resolved: ResolvedPath, linkTarget: string): void {
    if (linkTarget.includes('\0')) throw new PathRefusedError(resolved.path, 'link target contains NUL');
    if (posix.isAbsolute(linkTarget)) throw new PathRefusedError(resolved.path, 'symbolic link with an absolute target');
    const pointsAt = posix.normalize(posix.join(posix.dirname(resolved.path), linkTarget));
    const prefix = resolved.root.prefix;
    const isInside = prefix === '' ? pointsAt !== '..' && !pointsAt.startsWith('../') : isWithin(pointsAt, prefix);
    if (!isInside) throw new PathRefusedError(resolved.path, 'symbolic link points outside the replicated folders');
  }

  forgetCheckedDirectories(): void {
    this.verified.clear();
  }
}

export type EntryKind = 'missing' | 'file' | 'dir' | 'symlink' | 'other';

export function lstatKind(path: string): EntryKind {
  try {
    const st = lstatSync(path);
    if (st.isFile()) return 'file';
    if (st.isDirectory()) return 'dir';
    if (st.isSymbolicLink()) return 'symlink';
    return 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}
