import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

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

export interface RsyncRun {
  output: string;
  /** CPU seconds (user + system) of rsync and its helper processes. */
  cpuSeconds: number;
}

/** Runs rsync and reads its children's CPU time from the shell's `times`. */
export function rsync(args: string[]): RsyncRun {
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const output = execFileSync('bash', ['-c', `rsync ${quoted} && times`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = output.trimEnd().split('\n');
  const children = lines.at(-1)!.split(' ').map((t) => {
    const match = /(\d+)m([\d.]+)s/.exec(t);
    return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
  });
  return { output: lines.slice(0, -2).join('\n'), cpuSeconds: (children[0] ?? 0) + (children[1] ?? 0) };
}

/** CPU seconds (user + system) a process has used so far (Linux /proc). */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
}

export function hasRsync(): boolean {
  return spawnSync('rsync', ['--version']).status === 0;
}
