import { execFileSync, spawnSync } from 'node:child_process';

export function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function timeIt(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return seconds(start);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Flushes dirty pages so that one measurement does not pay for the previous one's writeback. */
export function flushDisk(): void {
  spawnSync('sync');
}

export function rsync(args: string[]): string {
  return execFileSync('rsync', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function hasRsync(): boolean {
  return spawnSync('rsync', ['--version']).status === 0;
}
