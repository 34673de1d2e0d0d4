import type { AgentManifestResponse, AgentMirrorMode } from '@syncsafe/contracts';
import type { PlannedOp } from './planned-op.ts';
import { hashFile, type TreeEntry } from './tree-walk.ts';

export interface MirrorPlan {
  ops: PlannedOp[];
  filesScanned: number;
  /** Files that differ, and the content bytes still to send for them. */
  filesTotal: number;
  bytesTotal: number;
}

export interface MirrorPlanOptions {
  mode: AgentMirrorMode;
  /** Remove what the receiver has and the sender does not (off for a restore that keeps extra files). */
  shouldRemoveOrphans: boolean;
  /** Content hashes computed ahead (checksum mode); files missing from it are hashed when compared. */
  knownHashes?: ReadonlyMap<string, string>;
}

/**
 * Compares the sender's tree with the receiver's manifest and lists what to send: directories
 * first, then files (resuming partial ones), then removals, then directory times.
 */
export function planMirror(local: readonly TreeEntry[], manifest: AgentManifestResponse, options: MirrorPlanOptions): MirrorPlan {
  const remote = new Map(manifest.entries.map((e) => [e.path, e]));
  const partials = new Map(manifest.partials.map((p) => [p.path, p]));
  const ops: PlannedOp[] = [];
  const directoryTimes: PlannedOp[] = [];
  let filesTotal = 0;
  let bytesTotal = 0;

  for (const entry of local) {
    const theirs = remote.get(entry.path);
    remote.delete(entry.path);
    if (entry.type === 'dir') {
      const isDir = theirs?.type === 'dir';
      if (!isDir) ops.push({ kind: 'mkdir', entry });
      if (!isDir || theirs.mode !== entry.mode || theirs.mtimeMs !== entry.mtimeMs) directoryTimes.push({ kind: 'set-attributes', entry });
    } else if (entry.type === 'symlink') {
      if (theirs?.type !== 'symlink' || theirs.linkTarget !== entry.linkTarget) ops.push({ kind: 'symlink', entry });
    } else {
      const isSame =
        theirs?.type === 'file' &&
        theirs.size === entry.size &&
        options.mode !== 'full' &&
        (options.mode === 'checksum'
          ? theirs.hash === (options.knownHashes?.get(entry.path) ?? hashFile(entry.absolute))
          : theirs.mtimeMs === entry.mtimeMs);
      if (!isSame) {
        const partial = partials.get(entry.path);
        const resumeFrom = partial && partial.fileSize === entry.size && partial.fileMtimeMs === entry.mtimeMs ? partial.bytes : 0;
        ops.push({ kind: 'file', entry, resumeFrom });
        filesTotal++;
        bytesTotal += entry.size - resumeFrom;
      } else if (theirs.mode !== entry.mode || theirs.mtimeMs !== entry.mtimeMs) {
        ops.push({ kind: 'set-attributes', entry });
      }
    }
  }

  if (options.shouldRemoveOrphans) {
    let removed: string | null = null;
    for (const path of [...remote.keys()].sort()) {
      if (removed !== null && path.startsWith(`${removed}/`)) continue;
      ops.push({ kind: 'delete', path });
      removed = path;
    }
  }
  ops.push(...directoryTimes);
  return { ops, filesScanned: local.length, filesTotal, bytesTotal };
}
