import { chmodSync, copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { setPathTimes, toReplicableMode, toWholeMs } from '../replication/file-attributes.ts';

export interface TreeCount {
  files: number;
  bytes: number;
}

/**
 * Copies a tree cheaply: directories are created, files are hard-linked (copied across file systems),
 * links are recreated. Safe because the replica writer never rewrites a file in place.
 */
export function linkTree(from: string, to: string, count: TreeCount = { files: 0, bytes: 0 }): TreeCount {
  const st = lstatSync(from);
  mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target, count);
    } else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        copyFileSync(source, target);
      }
      count.files++;
      count.bytes += lstatSync(target).size;
    } else if (entry.isSymbolicLink()) {
      symlinkSync(readlinkSync(source), target);
      count.files++;
    }
  }
  // Directory mode and time last, since creating the entries above changed the time. The owner
  // keeps write permission so that the tree can always be removed.
  chmodSync(to, toReplicableMode(st.mode) | 0o700);
  setPathTimes(to, toWholeMs(st.mtimeMs));
  return count;
}
