import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { request } from '@playwright/test';
import { ADMIN, AUDITOR, E2E_ENV } from './test-users.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
/** The API's own log of the run, for reading after a failure (test-results/ is git-ignored). */
const apiLogPath = resolve(import.meta.dirname, '../test-results/api-server.log');
const START_TIMEOUT_MS = 60_000;
/** The demo fleet's servers: files01, files02, web01, web02, webtest, dc01, dc02. */
const DEMO_AGENTS = 7;

/**
 * Starts the real console (API + built web) on a free port with a fresh data folder, with its demo fleet
 * (real agents on loopback, the jobs "Protect files01" and "Protect web01"); returns the teardown.
 */
export default async function globalSetup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'syncsafe-e2e-'));
  const demoPortBase = await freePortRun(DEMO_AGENTS);
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: repoRoot,
    detached: true, // its own process group, so the teardown also ends anything it started
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      SYNCSAFE_DATA_DIR: dataDir,
      SYNCSAFE_ADMIN_PASSWORD: ADMIN.password,
      SYNCSAFE_LOGIN_MAX_PER_MINUTE: '100',
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
      SYNCSAFE_DEMO: 'true',
      SYNCSAFE_DEMO_PORT_BASE: String(demoPortBase),
    },
  });

  mkdirSync(dirname(apiLogPath), { recursive: true });
  const apiLog = createWriteStream(apiLogPath);
  server.stdout?.pipe(apiLog);
  server.stderr?.pipe(apiLog);

  const teardown = async () => {
    await stopProcessGroup(server);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const baseURL = await waitForListening(server);
    await waitForReady(baseURL);
    process.env[E2E_ENV.baseUrl] = baseURL;
    process.env[E2E_ENV.stateDir] = dataDir;
    await createSignedInStates(baseURL, dataDir);
    await waitForDemoJobs(baseURL, dataDir);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

function waitForListening(server: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let output = '';
    let isListening = false;
    const timer = setTimeout(() => fail(new Error(`API did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      if (isListening) return;
      output += chunk.toString();
      const match = /SyncSafe Console listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        isListening = true;
        clearTimeout(timer);
        resolveUrl(match[1].replace(/\/$/, ''));
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', (chunk: Buffer) => {
      if (!isListening) output += chunk.toString();
    });
    server.once('exit', (code) => !isListening && fail(new Error(`API exited with code ${code} before listening:\n${output}`)));
  });
}

async function waitForReady(baseURL: string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseURL}/readyz`).catch(() => null);
    if (response?.ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${baseURL}/readyz did not answer 200 within ${START_TIMEOUT_MS} ms`);
}

/** Signs in once per role and saves the cookies, so tests do not spend the login rate limit. */
async function createSignedInStates(baseURL: string, dir: string) {
  const admin = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await expectOk(admin.post('/api/auth/login', { data: { username: ADMIN.username, password: ADMIN.password } }));
  await expectOk(admin.post('/api/users', { data: { username: AUDITOR.username, password: AUDITOR.password, role: 'auditor' } }));
  await admin.storageState({ path: join(dir, 'admin.json') });
  await admin.dispose();

  const auditor = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await expectOk(auditor.post('/api/auth/login', { data: { username: AUDITOR.username, password: AUDITOR.password } }));
  await auditor.storageState({ path: join(dir, 'auditor.json') });
  await auditor.dispose();
}

/** Both demo jobs exist and protect (their agents listen, the first mirror is done). */
async function waitForDemoJobs(baseURL: string, dir: string) {
  const admin = await request.newContext({ baseURL, storageState: join(dir, 'admin.json') });
  const deadline = Date.now() + START_TIMEOUT_MS * 2;
  let last = '';
  try {
    while (Date.now() < deadline) {
      const response = await admin.get('/api/jobs');
      const jobs = response.ok() ? ((await response.json()) as { items: Array<{ name: string; state: string }> }).items : [];
      last = jobs.map((j) => `${j.name}: ${j.state}`).join(', ');
      if (jobs.length >= 3 && jobs.every((j) => j.state === 'protecting')) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await admin.dispose();
  }
  throw new Error(`The demo jobs did not reach Protecting (${last || 'no jobs'}); see ${apiLogPath}`);
}

/** A first port with `count` free ports in a row, for the demo agents (each takes base + its slot). */
async function freePortRun(count: number): Promise<number> {
  const isFree = (port: number) =>
    new Promise<boolean>((resolveFree) => {
      const probe = createServer();
      probe.once('error', () => resolveFree(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolveFree(true)));
    });
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const checks = await Promise.all(Array.from({ length: count }, (_, i) => isFree(base + i)));
    if (checks.every(Boolean)) return base;
  }
  throw new Error(`no run of ${count} free ports found for the demo agents`);
}

async function expectOk(pending: Promise<{ ok(): boolean; status(): number; url(): string; text(): Promise<string> }>) {
  const response = await pending;
  if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
}

async function stopProcessGroup(server: ChildProcess) {
  if (server.exitCode !== null || server.pid === undefined) return;
  const exited = new Promise<void>((r) => server.once('exit', () => r()));
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
