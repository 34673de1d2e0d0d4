import { readdirSync, readlinkSync } from 'node:fs';

/**
 * Files under the given directories that some process on this machine has open (Linux /proc).
 * The spec: files must be closed on the destination so that a restore can overwrite them.
 */
export function findOpenFiles(directories: readonly string[]): string[] {
  const open = new Set<string>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return [];
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (directories.some((dir) => target.startsWith(`${dir}/`))) open.add(target);
    }
  }
  return [...open].sort();
}
