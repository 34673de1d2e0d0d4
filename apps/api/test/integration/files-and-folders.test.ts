import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentFleet, type RunningAgent } from '../support/agent-fleet.ts';
import { ConsoleDriver } from '../support/console-driver.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let fleet: AgentFleet;
let driver: ConsoleDriver;
let source: RunningAgent;
let target: RunningAgent;
let sourceId: string;
let targetId: string;

/** Every file under `dir`, by relative path, with its content hash. */
function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

beforeAll(async () => {
  fleet = new AgentFleet();
  [source, target] = await Promise.all([fleet.start({ name: 'files01' }), fleet.start({ name: 'files02' })]);
  t = await createTestApp({}, { isMonitoring: true });
  driver = new ConsoleDriver(t, await t.callerWithRole('admin'));
  sourceId = await driver.addServer(source);
  targetId = await driver.addServer(target);
});
afterAll(async () => {
  await t?.close();
  await fleet?.cleanUp();
});

describe('Files and Folders: failover, restore then failback, start', () => {
  it('protects a directory, fails over with Apply, restores, fails back and starts again', { timeout: 120_000 }, async () => {
    const data = join(source.disk, 'data');
    mkdirSync(join(data, 'a/b/c'), { recursive: true });
    writeFileSync(join(data, 'a/b/c/deep.txt'), 'deep');
    writeFileSync(join(data, 'top.txt'), 'top');
    const replicaRoot = join(target.disk, 'replica');
    const job = await driver.createJob({ name: 'Protect files01', type: 'files-and-folders', sourceServerId: sourceId, targetServerId: targetId, directories: [data], replicaRoot });
    expect(job.state).toBe('starting');
    await driver.waitForState(job.id, 'protecting');
    const replicaData = join(replicaRoot, data);
    await driver.waitForJob(job.id, () => JSON.stringify(safeHashes(replicaData)) === JSON.stringify(treeHashes(data)), 'replica identical');

    writeFileSync(join(data, 'later.txt'), 'written while protecting');
    await driver.waitForJob(job.id, () => JSON.stringify(safeHashes(replicaData)) === JSON.stringify(treeHashes(data)), 'change replicated');

    const failover = await driver.run(job.id, 'failover', { type: 'live', queue: 'apply' });
    expect(failover.status, failover.error ?? '').toBe('succeeded');
    let current = await driver.job(job.id);
    expect(current.state).toBe('failed-over');
    expect(current.identities.source.serverId).toBe(targetId);

    writeFileSync(join(replicaData, 'made-on-target.txt'), 'users kept working on the target');
    const restore = await driver.run(job.id, 'restore', { restoreData: true });
    expect(restore.status, restore.error ?? '').toBe('succeeded');
    expect((await driver.job(job.id)).state).toBe('restored');
    expect(readFileSync(join(data, 'made-on-target.txt'), 'utf8')).toBe('users kept working on the target');

    const failback = await driver.run(job.id, 'failback');
    expect(failback.status, failback.error ?? '').toBe('succeeded');
    current = await driver.job(job.id);
    expect(current.state).toBe('stopped');
    expect(current.identities.source.serverId).toBe(sourceId);

    const start = await driver.run(job.id, 'start');
    expect(start.status, start.error ?? '').toBe('succeeded');
    await driver.waitForState(job.id, 'protecting');
  });
});

function safeHashes(dir: string) {
  try {
    return treeHashes(dir);
  } catch {
    return {};
  }
}
