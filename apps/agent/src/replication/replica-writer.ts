import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fchmodSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join, posix } from 'node:path';
import type { AgentReplicationOp } from '@syncsafe/contracts';
import { setFileTimes, setPathTimes, toReplicableMode } from './file-attributes.ts';
import { moveFile } from './move-file.ts';
import type { PartialFiles } from './partial-files.ts';
import { lstatKind, PathRefusedError, type ReplicaPaths, type ResolvedPath } from './replica-paths.ts';

export interface WriterStorage {
  /** Scratch directory for whole-file replacements, ideally on the replica's file system. */
  tempDir: string;
  partials: PartialFiles;
}

/** Read once: the process umask only changes if someone calls process.umask(mask). */
const UMASK = process.umask();

/** Refusals found while applying (e.g. links made to escape by a directory rename) are reported, not thrown. */
export type RefusalSink = (error: PathRefusedError) => void;

/**
 * Applies replication ops to a directory tree. Every op states the source's state of one path, so
 * applying an op again has no further effect (renames excepted: callers record each applied op).
 * An existing file is replaced by rename, never rewritten in place, so a reader never sees half of it.
 */
export class ReplicaWriter {
  constructor(
    private readonly paths: ReplicaPaths,
    private readonly storage: WriterStorage,
    private readonly onRefusal: RefusalSink,
  ) {
    mkdirSync(storage.tempDir, { recursive: true, mode: 0o700 });
  }

  /** Path and link checks only, without touching the disk: used to refuse a change before queueing it. */
  precheck(op: AgentReplicationOp): void {
    if (!('path' in op)) return;
    const resolved = this.paths.resolve(op.path);
    if (op.kind === 'rename') this.paths.resolve(op.fromPath);
    if (op.kind === 'symlink') this.paths.checkLinkTarget(resolved, op.linkTarget);
  }

  apply(op: AgentReplicationOp, content: Buffer): void {
    switch (op.kind) {
      case 'mkdir':
        return this.makeDirectory(this.prepare(op.path), op.mode, op.mtimeMs);
      case 'write-file':
        return this.writeFile(this.prepare(op.path), op.mode, op.mtimeMs, content);
      case 'write-chunk':
        this.prepare(op.path);
        return this.storage.partials.writeChunk(op.path, op.offset, op.fileSize, op.fileMtimeMs, content);
      case 'commit-file':
        return this.commitFile(this.prepare(op.path), op.mode, op.mtimeMs, op.fileSize);
      case 'delete':
        return this.remove(this.prepare(op.path, false));
      case 'rename':
        return this.rename(this.prepare(op.fromPath, false), this.prepare(op.path));
      case 'set-attributes':
        return this.setAttributes(this.prepare(op.path, false), op.mode, op.mtimeMs);
      case 'symlink':
        return this.makeSymlink(this.prepare(op.path), op.linkTarget);
      default:
        return;
    }
  }

  private prepare(path: string, shouldCreateParents = true): ResolvedPath {
    const resolved = this.paths.resolve(path);
    this.paths.checkParents(resolved, shouldCreateParents);
    return resolved;
  }

  private makeDirectory(target: ResolvedPath, mode: number, mtimeMs: number): void {
    const kind = lstatKind(target.absolute);
    if (kind !== 'dir') {
      if (kind !== 'missing') this.removeEntry(target.absolute);
      mkdirSync(target.absolute, { mode: 0o700 });
    }
    chmodSync(target.absolute, toReplicableMode(mode));
    setPathTimes(target.absolute, mtimeMs);
  }

  private writeFile(target: ResolvedPath, mode: number, mtimeMs: number, content: Buffer): void {
    // A new file is written in place (if we crash half way its time is wrong, so a mirror resends
    // it); O_EXCL makes the create fail on anything already there, link included.
    try {
      this.writeNewFile(target.absolute, mode, mtimeMs, content);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const kind = lstatKind(target.absolute);
    const temp = this.tempPath();
    this.writeNewFile(temp, mode, mtimeMs, content);
    if (kind === 'dir' || kind === 'other') this.removeEntry(target.absolute);
    moveFile(temp, target.absolute);
  }

  private writeNewFile(path: string, mode: number, mtimeMs: number, content: Buffer): void {
    const wanted = toReplicableMode(mode);
    // Created with its final mode; only bits the umask takes away need a chmod afterwards.
    const fd = openSync(path, 'wx', wanted);
    try {
      let written = 0;
      while (written < content.length) written += writeSync(fd, content, written, content.length - written);
      if ((wanted & UMASK) !== 0) fchmodSync(fd, wanted);
      setFileTimes(fd, mtimeMs);
    } finally {
      closeSync(fd);
    }
  }

  private commitFile(target: ResolvedPath, mode: number, mtimeMs: number, fileSize: number): void {
    const partial = this.storage.partials.takeComplete(target.path, fileSize);
    if (partial === null) {
      const st = lstatOrNull(target.absolute);
      if (st?.isFile() && st.size === fileSize) return; // committed before a restart; nothing left to do
      throw new Error(`nothing to commit for ${target.path}`);
    }
    chmodSync(partial, toReplicableMode(mode));
    setPathTimes(partial, mtimeMs);
    const kind = lstatKind(target.absolute);
    if (kind === 'dir' || kind === 'other') this.removeEntry(target.absolute);
    moveFile(partial, target.absolute);
    this.storage.partials.forget(target.path);
  }

  private remove(target: ResolvedPath): void {
    this.removeEntry(target.absolute);
    this.storage.partials.forget(target.path);
  }

  private removeEntry(absolute: string): void {
    // rm does not follow symbolic links: a link is removed, never what it points at.
    rmSync(absolute, { recursive: true, force: true });
    this.paths.forgetCheckedDirectories();
  }

  private rename(from: ResolvedPath, to: ResolvedPath): void {
    const fromStat = lstatOrNull(from.absolute);
    if (!fromStat) return; // applied before a restart
    if (lstatKind(to.absolute) !== 'missing') this.removeEntry(to.absolute);
    moveFile(from.absolute, to.absolute);
    this.paths.forgetCheckedDirectories();
    if (fromStat.isSymbolicLink()) this.dropEscapingLink(to);
    else if (fromStat.isDirectory()) this.dropEscapingLinksBelow(to);
  }

  private setAttributes(target: ResolvedPath, mode: number, mtimeMs: number): void {
    const st = lstatOrNull(target.absolute);
    if (!st || st.isSymbolicLink()) return;
    chmodSync(target.absolute, toReplicableMode(mode));
    setPathTimes(target.absolute, mtimeMs);
  }

  private makeSymlink(target: ResolvedPath, linkTarget: string): void {
    this.paths.checkLinkTarget(target, linkTarget);
    if (lstatKind(target.absolute) !== 'missing') this.removeEntry(target.absolute);
    symlinkSync(linkTarget, target.absolute);
    this.paths.forgetCheckedDirectories();
  }

  /** A link moved by a rename may now point elsewhere: check it again where it landed. */
  private dropEscapingLink(link: ResolvedPath): void {
    try {
      this.paths.checkLinkTarget(link, readlinkSync(link.absolute));
    } catch (error) {
      if (!(error instanceof PathRefusedError)) throw error;
      unlinkSync(link.absolute);
      this.onRefusal(error);
    }
  }

  private dropEscapingLinksBelow(dir: ResolvedPath): void {
    for (const entry of readdirSync(dir.absolute, { withFileTypes: true })) {
      const child = this.paths.resolve(posix.join(dir.path, entry.name));
      if (entry.isSymbolicLink()) this.dropEscapingLink(child);
      else if (entry.isDirectory()) this.dropEscapingLinksBelow(child);
    }
  }

  private tempPath(): string {
    return join(this.storage.tempDir, `.syncsafe-${randomBytes(8).toString('hex')}`);
  }
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
