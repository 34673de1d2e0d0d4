import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Database } from '@syncsafe/db';
import { createTestDatabase } from '@syncsafe/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/build-server.ts';
import { loadConfig } from '../../src/config.ts';
import { seededFolders } from '../../src/demo/fleet-spec.ts';
import { startDemoFleet, type DemoAgent, type DemoFleet } from '../../src/demo/start-demo-fleet.ts';
import { ADMIN_PASSWORD, TEST_SECRET_KEY } from '../support/test-app.ts';

const NAMES = ['files01', 'files02', 'web01', 'web02', 'webtest', 'dc01', 'dc02'];

let db: Database;
let dataDir: string;
let portBase: number;
const consoles: FastifyInstance[] = [];
const fleets: DemoFleet[] = [];
const blockers: NetServer[] = [];

function listenOn(port: number): Promise<NetServer> {
  return new Promise((resolve, reject) => {
    const server = createNetServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** A base port with the next seven ports free on loopback. */
async function freePortBase(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const taken = await Promise.allSettled(NAMES.map((_, i) => listenOn(base + i)));
    await Promise.all(taken.map((t) => (t.status === 'fulfilled' ? new Promise((r) => t.value.close(r)) : null)));
    if (taken.every((t) => t.status === 'fulfilled')) return base;
  }
}

/** What `server.ts` does: a console on the data dir, then the demo fleet after it is ready. */
async function startConsoleWithDemo(): Promise<{ app: FastifyInstance; agents: DemoAgent[] }> {
  const config = loadConfig({
    SYNCSAFE_DATA_DIR: dataDir,
    SYNCSAFE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SYNCSAFE_SECRET_KEY: TEST_SECRET_KEY,
    SYNCSAFE_WEB_DIST: join(dataDir, 'no-web-build'),
    SYNCSAFE_DEMO_PORT_BASE: String(portBase),
    LOG_LEVEL: 'silent',
  });
  const { fastify: app } = await buildServer(config, { db, logger: false, isMonitoring: true });
  consoles.push(app);
  await app.ready();
  const fleet = startDemoFleet(app, { dataDir: config.dataDir, portBase: config.demo.portBase });
  fleets.push(fleet);
  return { app, agents: await fleet.ready };
}

async function stopConsole(app: FastifyInstance, fleet: DemoFleet) {
  consoles.splice(consoles.indexOf(app), 1);
  await app.close();
  await fleet.stop();
}

async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as T;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  try {
    walk(dir);
  } catch {
    return {};
  }
  return out;
}

const sameTree = (a: string, b: string) => JSON.stringify(treeHashes(a)) === JSON.stringify(treeHashes(b));

async function allOnline() {
  const servers = await db.prisma.server.findMany();
  return servers.length === NAMES.length && servers.every((s) => s.status === 'online') ? servers : null;
}

async function jobsProtecting() {
  const jobs = await db.prisma.job.findMany({ orderBy: { name: 'asc' } });
  return jobs.length === 3 && jobs.every((j) => j.state === 'protecting') ? jobs : null;
}

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'syncsafe-demo-'));
  portBase = await freePortBase();
});

afterAll(async () => {
  for (const fleet of fleets) await fleet.stop().catch(() => undefined);
  for (const app of consoles) await app.close().catch(() => undefined);
  for (const blocker of blockers) await new Promise((r) => blocker.close(r));
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('demo fleet', () => {
  let firstServers: { id: string; name: string; port: number }[];
  let firstJobs: { id: string; name: string }[];

  it('starts seven agents, registers them as system and protects files01, web01 and dc01', { timeout: 60_000 }, async () => {
    const { agents } = await startConsoleWithDemo();
    expect(agents.map((a) => [a.name, a.port])).toEqual(NAMES.map((name, i) => [name, portBase + i]));
    expect(statSync(join(dataDir, 'demo', 'fleet.json')).mode & 0o777).toBe(0o600);

    const servers = await waitFor('seven servers online', allOnline);
    firstServers = servers.map((s) => ({ id: s.id, name: s.name, port: s.port }));
    const jobs = await waitFor('the three jobs Protecting', jobsProtecting, 45_000);
    firstJobs = jobs.map((j) => ({ id: j.id, name: j.name }));
    expect(jobs.map((j) => [j.name, j.type])).toEqual([
      ['Protect dc01', 'full_server'],
      ['Protect files01', 'files_and_folders'],
      ['Protect web01', 'full_server'],
    ]);
    const dc01 = servers.find((s) => s.name === 'dc01')!;
    expect(dc01.isDomainController).toBe(true);

    const filesJob = jobs.find((j) => j.name === 'Protect files01')!;
    const { shares } = seededFolders(join(dataDir, 'demo'));
    expect(filesJob.directories).toEqual(shares);
    for (const share of shares) {
      expect(Object.keys(treeHashes(share)).length).toBeGreaterThan(2);
      await waitFor(`${share} replicated to files02`, async () => sameTree(share, join(filesJob.replicaRoot!, share)));
    }

    const audit = await db.prisma.auditEvent.findMany({ where: { actorName: 'system', action: { in: ['server.create', 'job.create', 'job.start'] } } });
    expect(audit.filter((a) => a.action === 'server.create').map((a) => a.targetName).sort()).toEqual([...NAMES].sort());
    expect(audit.filter((a) => a.action === 'job.create')).toHaveLength(3);
    expect(audit.filter((a) => a.action === 'job.start')).toHaveLength(3);
  });

  it('restarted on the same data: the same servers (a taken port updated in place), the same jobs, protection resumes', { timeout: 60_000 }, async () => {
    expect(firstJobs, 'the first start passed').toBeDefined();
    await stopConsole(consoles[0]!, fleets[0]!);
    blockers.push(await listenOn(portBase)); // someone else took files01's port meanwhile

    const { agents } = await startConsoleWithDemo();
    const files01 = agents.find((a) => a.name === 'files01')!;
    expect(files01.port).not.toBe(portBase);
    expect(agents.filter((a) => a.name !== 'files01').map((a) => a.port)).toEqual(NAMES.slice(1).map((_, i) => portBase + i + 1));

    const servers = await waitFor('seven servers online again', allOnline);
    expect(servers.map((s) => s.id).sort()).toEqual(firstServers.map((s) => s.id).sort());
    expect(servers.find((s) => s.name === 'files01')!.port).toBe(files01.port);
    const jobs = await waitFor('the three jobs Protecting', jobsProtecting);
    expect(jobs.map((j) => ({ id: j.id, name: j.name }))).toEqual(firstJobs);
    expect(await db.prisma.auditEvent.count({ where: { action: 'server.create' } })).toBe(NAMES.length);
    expect(await db.prisma.auditEvent.count({ where: { action: 'job.create' } })).toBe(3);
    expect(await db.prisma.auditEvent.count({ where: { action: 'server.update', actorName: 'system' } })).toBe(1);

    const share = seededFolders(join(dataDir, 'demo')).shares[0]!;
    writeFileSync(join(share, 'after-restart.txt'), 'written after the console restarted');
    const replicaRoot = jobs.find((j) => j.name === 'Protect files01')!.replicaRoot!;
    await waitFor('the change replicated after the restart', async () => sameTree(share, join(replicaRoot, share)));
  });
});
