/**
 * `pnpm --filter @syncsafe/agent bench`: the agent against `rsync -a` on one generated tree (one
 * 100 MB file + 20,000 files of 4 KB), all measured in this run, on this machine's disk.
 *   1. initial mirror throughput (agent ÷ rsync; goal ≥ 0.8)
 *   2. resync with no change (time, agent vs rsync)
 *   3. change-to-target latency (p50 / p95 / max; goal p95 ≤ 1 s)
 *   4. restore after changing 1% of the files on the target (bytes sent ÷ bytes changed)
 * BENCH_RUNS (default 5) rounds of 1 and 2, alternating who goes first; medians are reported, and
 * the CPU time both spent, since the wall clock on a shared machine drifts with its neighbours' load.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { AgentFleet, type AgentProcess } from '../test/support/agent-fleet.ts';
import { collectStream } from '../test/support/collect-stream.ts';
import { connectJob } from '../test/support/job-pair.ts';
import { diffTrees, digestTree } from '../test/support/trees.ts';
import { BENCH_TREE, generateTree, smallFilePath } from './generate-tree.ts';
import { cpuSecondsOf, flushDisk, hasRsync, loadAverage, median, percentile, rsync, seconds, timeIt } from './measure.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 200);
const MB = 1024 * 1024;

interface Agents {
  source: AgentProcess;
  target: AgentProcess;
}

function agentCpu({ source, target }: Agents): number {
  return cpuSecondsOf(source.child.pid!) + cpuSecondsOf(target.child.pid!);
}

async function mirrorWithAgents(agents: Agents, jobId: string, src: string, replicaRoot: string): Promise<{ seconds: number; cpu: number }> {
  const { source, target } = agents;
  await connectJob(jobId, source, target, src, replicaRoot);
  const stream = collectStream(source.client);
  await stream.opened;
  const cpuBefore = agentCpu(agents);
  const elapsed = await timeIt(async () => {
    await source.client.runStep(`${jobId}-start`, { command: 'start-protection', jobId });
    await stream.next((m) => m.type === 'event' && m.event.kind === 'mirror-finished' && m.event.jobId === jobId);
  });
  const cpu = agentCpu(agents) - cpuBefore;
  stream.close();
  return { seconds: elapsed, cpu };
}

async function removeJob({ source, target }: Agents, jobId: string): Promise<void> {
  await source.client.runStep(`${jobId}-stop`, { command: 'stop-protection', jobId });
  await source.client.deleteJob(jobId);
  await target.client.deleteJob(jobId);
}

async function measureLatency(src: string, replicaDir: string): Promise<number[]> {
  mkdirSync(join(src, 'latency'));
  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const name = join('latency', `f${i % 20}.txt`);
    const content = `sample ${i} ${randomBytes(8).toString('hex')}`;
    const start = process.hrtime.bigint();
    writeFileSync(join(src, name), content);
    for (;;) {
      let seen = '';
      try {
        seen = readFileSync(join(replicaDir, name), 'utf8');
      } catch {
        // not there yet
      }
      if (seen === content) break;
      if (seconds(start) > 30) throw new Error(`change ${i} did not reach the target in 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    latencies.push(seconds(start) * 1000);
  }
  return latencies;
}

function changeOnePercent(root: string): number {
  const count = Math.round(BENCH_TREE.smallFiles / 100);
  for (let i = 0; i < count; i++) writeFileSync(smallFilePath(root, i * 100 + 7, BENCH_TREE), randomBytes(BENCH_TREE.smallFileBytes));
  return count * BENCH_TREE.smallFileBytes;
}

function rsyncStat(output: string, label: string): number {
  const match = new RegExp(`${label}: ([\\d,]+)`).exec(output);
  return match ? Number(match[1]!.replaceAll(',', '')) : Number.NaN;
}

function print(rows: Array<[string, string, string, string]>): void {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

async function main(): Promise<void> {
  if (!hasRsync()) throw new Error('rsync is not installed (apt-get install -y rsync)');
  const fleet = new AgentFleet();
  try {
    const work = fleet.tempDir('bench');
    const src = join(work, 'src');
    console.log(`generating ${BENCH_TREE.largeFileBytes / MB} MB + ${BENCH_TREE.smallFiles} × ${BENCH_TREE.smallFileBytes} B in ${src} …`);
    const totalBytes = generateTree(src, BENCH_TREE);
    flushDisk();
    const [source, target] = await Promise.all([fleet.start({ name: 'bench-source' }), fleet.start({ name: 'bench-target' })]);
    const agents = { source, target };
    // Every round writes into fresh folders, removed only at the end: deleting 180 MB of small files
    // keeps this disk busy for a while, and whoever ran next paid for it.
    let rsyncDst = '';
    let replicaRoot = '';

    const loadBefore = loadAverage();
    const rsyncMirror: number[] = [];
    const agentMirror: number[] = [];
    const rsyncMirrorCpu: number[] = [];
    const agentMirrorCpu: number[] = [];
    const roundRatios: number[] = [];
    let jobId = '';
    for (let run = 0; run < RUNS; run++) {
      // Alternate who goes first: this disk's speed drifts from minute to minute.
      const runRsync = async () => {
        rsyncDst = join(work, `rsync-copy-${run}`);
        flushDisk();
        let rsyncRun!: { cpuSeconds: number };
        rsyncMirror.push(await timeIt(() => (rsyncRun = rsync(['-a', `${src}/`, `${rsyncDst}/`]))));
        rsyncMirrorCpu.push(rsyncRun.cpuSeconds);
      };
      const runAgent = async () => {
        if (jobId) await removeJob(agents, jobId);
        replicaRoot = join(work, `replica-${run}`);
        mkdirSync(replicaRoot);
        flushDisk();
        jobId = `bench-${run}`;
        const agentRun = await mirrorWithAgents(agents, jobId, src, replicaRoot);
        agentMirror.push(agentRun.seconds);
        agentMirrorCpu.push(agentRun.cpu);
      };
      if (run % 2 === 0) {
        await runRsync();
        await runAgent();
      } else {
        await runAgent();
        await runRsync();
      }
      roundRatios.push(rsyncMirror.at(-1)! / agentMirror.at(-1)!);
      console.log(
        `mirror round ${run + 1}: rsync ${rsyncMirror.at(-1)!.toFixed(2)} s (cpu ${rsyncMirrorCpu.at(-1)!.toFixed(2)} s), ` +
          `agent ${agentMirror.at(-1)!.toFixed(2)} s (cpu ${agentMirrorCpu.at(-1)!.toFixed(2)} s), throughput ratio ${roundRatios.at(-1)!.toFixed(2)}`,
      );
    }
    const replicaDir = join(replicaRoot, src);
    const problems = diffTrees(digestTree(src), digestTree(replicaDir));
    if (problems.length > 0) throw new Error(`the replica differs from the source:\n${problems.slice(0, 10).join('\n')}`);

    const rsyncResync: number[] = [];
    const agentResync: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      rsyncResync.push(await timeIt(() => rsync(['-a', `${src}/`, `${rsyncDst}/`])));
      agentResync.push(await timeIt(() => source.client.runStep(`${jobId}-resync-${run}`, { command: 'mirror', jobId, mode: 'differences' })));
    }

    const latencies = await measureLatency(src, replicaDir);

    await source.client.runStep(`${jobId}-stop-for-restore`, { command: 'stop-protection', jobId });
    const bytesChanged = changeOnePercent(replicaDir);
    const { channel } = await source.client.runStep(`${jobId}-prepare-restore`, { command: 'prepare-restore', jobId, directories: [src] });
    let restore!: Awaited<ReturnType<typeof target.client.runStep<'restore'>>>;
    const restoreSeconds = await timeIt(async () => {
      restore = await target.client.runStep(`${jobId}-restore`, { command: 'restore', jobId, destination: source.endpoint(channel) });
    });
    const afterRestore = diffTrees(digestTree(replicaDir), digestTree(src));
    if (afterRestore.length > 0) throw new Error(`the restore left differences:\n${afterRestore.slice(0, 10).join('\n')}`);
    changeOnePercent(rsyncDst);
    let rsyncRestoreOutput = '';
    const rsyncRestoreSeconds = await timeIt(() => {
      rsyncRestoreOutput = rsync(['-a', '--checksum', '--stats', `${rsyncDst}/`, `${src}/`]).output;
    });

    const mirrorRatio = median(roundRatios);
    const p95 = percentile(latencies, 95);
    console.log('');
    print([
      ['measure', 'agent', 'rsync -a', 'ratio'],
      [
        `initial mirror (${(totalBytes / MB).toFixed(0)} MB, ${BENCH_TREE.smallFiles + 1} files)`,
        `${median(agentMirror).toFixed(2)} s (${(totalBytes / MB / median(agentMirror)).toFixed(0)} MB/s)`,
        `${median(rsyncMirror).toFixed(2)} s (${(totalBytes / MB / median(rsyncMirror)).toFixed(0)} MB/s)`,
        `throughput ${mirrorRatio.toFixed(2)}× rsync (median of rounds, best ${Math.max(...roundRatios).toFixed(2)}; goal ≥ 0.80)`,
      ],
      [
        'initial mirror, CPU time',
        `${median(agentMirrorCpu).toFixed(2)} s (source + target)`,
        `${median(rsyncMirrorCpu).toFixed(2)} s`,
        `${(median(agentMirrorCpu) / median(rsyncMirrorCpu)).toFixed(2)}× rsync's CPU`,
      ],
      [
        'resync, no change',
        `${median(agentResync).toFixed(3)} s`,
        `${median(rsyncResync).toFixed(3)} s`,
        `time ${(median(agentResync) / median(rsyncResync)).toFixed(2)}× rsync`,
      ],
      [
        `change-to-target latency (${LATENCY_SAMPLES} changes)`,
        `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
        '—',
        `p95 ${p95 <= 1000 ? '≤' : '>'} 1 s (goal ≤ 1 s)`,
      ],
      [
        `restore after 1% changed (${restore.filesSent} files, ${bytesChanged} B)`,
        `${restoreSeconds.toFixed(2)} s; content ${restore.bytesSent} B, wire ${restore.wireBytes} B`,
        `${rsyncRestoreSeconds.toFixed(2)} s; sent ${rsyncStat(rsyncRestoreOutput, 'Total bytes sent')} B (--checksum)`,
        `content ${(restore.bytesSent / bytesChanged).toFixed(2)}×, wire ${(restore.wireBytes / bytesChanged).toFixed(2)}× bytes changed`,
      ],
    ]);
    console.log(`\nload average (1, 5, 15 min): ${loadBefore} before, ${loadAverage()} after; ${cpus().length} CPUs`);
    console.log(
      JSON.stringify({ rsyncMirror, agentMirror, rsyncMirrorCpu, agentMirrorCpu, rsyncResync, agentResync, latencyP50: percentile(latencies, 50), latencyP95: p95, restore, bytesChanged }),
    );
  } finally {
    await fleet.cleanUp();
  }
}

await main();
