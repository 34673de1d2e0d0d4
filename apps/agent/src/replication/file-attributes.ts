import { futimesSync, utimesSync } from 'node:fs';

/**
 * Set-uid and set-gid bits never cross to another machine: a compromised source must not be able
 * to plant a privileged executable on the target. Both sides compare modes through this mask.
 */
export function toReplicableMode(mode: number): number {
  return mode & 0o1777;
}

/** Times travel as whole milliseconds; both sides compare them this way. */
export function toWholeMs(mtimeMs: number): number {
  return Math.floor(mtimeMs);
}

/** Half a microsecond past the millisecond, so that reading the time back floors to the same value. */
function toSeconds(wholeMs: number): number {
  return wholeMs / 1000 + 5e-7;
}

export function setFileTimes(fd: number, wholeMs: number): void {
  const seconds = toSeconds(wholeMs);
  futimesSync(fd, seconds, seconds);
}

export function setPathTimes(path: string, wholeMs: number): void {
  const seconds = toSeconds(wholeMs);
  utimesSync(path, seconds, seconds);
}
