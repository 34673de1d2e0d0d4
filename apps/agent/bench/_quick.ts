import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AgentFleet } from '../test/support/agent-fleet.ts';
import { collectStream } from '../test/support/collect-stream.ts';
import { connectJob } from '../test/support/job-pair.ts';
import { generateTree, BENCH_TREE } from './generate-tree.ts';
import { rsync, timeIt, flushDisk } from './measure.ts';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
const cpu = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
const rsyncCpu = (args: string[]) => { const out = execFileSync('bash', ['-c', `rsync ${args.map((a) => `'${a}'`).join(' ')}; times`], { encoding: 'utf8' }); const line = out.trim().split('\n').at(-1)!; const [u, s] = line.split(' ').map((t) => { const m = /(\d+)m([\d.]+)s/.exec(t)!; return Number(m[1]) * 60 + Number(m[2]); }); return u! + s!; };
const fleet = new AgentFleet();
const work = fleet.tempDir('quick');
const src = join(work, 'src');
generateTree(src, BENCH_TREE);
const [source, target] = await Promise.all([fleet.start({ name: 'qs' }), fleet.start({ name: 'qt' })]);
for (let run = 0; run < Number(process.env.RUNS ?? 3); run++) {
  rmSync(join(work, 'r'), { recursive: true, force: true }); flushDisk();
  let rc = 0;
  const r = await timeIt(() => { rc = rsyncCpu(['-a', `${src}/`, `${join(work, 'r')}/`]); });
  const replicaRoot = join(work, `replica${run}`); mkdirSync(replicaRoot); flushDisk();
  const jobId = `q${run}`;
  await connectJob(jobId, source, target, src, replicaRoot);
  const stream = collectStream(source.client); await stream.opened;
  const c0 = cpu(source.child.pid!) + cpu(target.child.pid!);
  const a = await timeIt(async () => {
    await source.client.runStep(`${jobId}-s`, { command: 'start-protection', jobId });
    await stream.next((m) => m.type === 'event' && m.event.kind === 'mirror-finished');
  });
  stream.close();
  await source.client.runStep(`${jobId}-x`, { command: 'stop-protection', jobId });
  rmSync(replicaRoot, { recursive: true, force: true });
  const ac = cpu(source.child.pid!) + cpu(target.child.pid!) - c0;
  console.log(`rsync ${r.toFixed(2)} (cpu ${rc.toFixed(2)}) agent ${a.toFixed(2)} (cpu ${ac.toFixed(2)}) ratio ${(r / a).toFixed(2)}`);
}
await fleet.cleanUp();
