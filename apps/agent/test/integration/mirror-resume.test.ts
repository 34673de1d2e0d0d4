import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentFleet } from '../support/agent-fleet.ts';
import { setUpJobPair } from '../support/job-pair.ts';
import { waitForIdenticalTrees } from '../support/trees.ts';
import { waitFor } from '../support/wait-for.ts';

const fleet = new AgentFleet();
afterAll(() => fleet.cleanUp());

/** Bytes of file content below a directory (partial files included). */
function bytesUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path);
    else if (entry.isFile() && !entry.name.endsWith('.json')) total += lstatSync(path).size;
  }
  return total;
}

describe('a source agent killed during the initial mirror', () => {
  it('resumes where the target stands and re-sends under 5% of what was already copied', async () => {
    const pair = await setUpJobPair(fleet);
    writeFileSync(join(pair.sourceDir, 'large.vhdx'), randomBytes(40 * 1024 * 1024));
    mkdirSync(join(pair.sourceDir, 'small'));
    for (let i = 0; i < 400; i++) writeFileSync(join(pair.sourceDir, 'small', `s${i}.dat`), randomBytes(32 * 1024));
    const total = 40 * 1024 * 1024 + 400 * 32 * 1024;

    // Slow the link so that the kill lands in the middle of the mirror.
    await pair.source.client.injectFault({ fault: 'limit-bandwidth', bytesPerSecond: 24 * 1024 * 1024 });
    await pair.source.client.runStep('start', { command: 'start-protection', jobId: pair.jobId });
    await waitFor(
      async () => {
        const mirror = (await pair.source.client.getJob(pair.jobId)).source?.mirror;
        return mirror && mirror.bytesTotal > 0 && mirror.bytesDone >= mirror.bytesTotal * 0.4;
      },
      { what: 'the mirror to pass 40%', intervalMs: 10 },
    );
    await pair.source.kill('SIGKILL');

    const partials = join(pair.replicaRoot, '.syncsafe', pair.jobId, 'partial');
    const copied = bytesUnder(pair.replicaDir) + bytesUnder(partials);
    expect(copied).toBeGreaterThan(total * 0.3);
    expect(copied).toBeLessThan(total);

    const source = await fleet.restart(pair.source);
    const mirror = await waitFor(
      async () => {
        const status = (await source.client.getJob(pair.jobId)).source;
        return status?.mirror.state === 'completed' ? status.mirror : null;
      },
      { what: 'the resumed mirror to complete', timeoutMs: 30_000 },
    );
    await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'replica after the resumed mirror');

    const reSent = mirror.bytesSent - (total - copied);
    expect(reSent).toBeGreaterThanOrEqual(0);
    expect(reSent).toBeLessThan(copied * 0.05);
  });
});
