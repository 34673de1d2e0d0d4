// `pnpm --filter @syncsafe/api bench`: the Jobs list at 10,000 jobs, against a bare Fastify route
// serving the same page from memory (the floor: routing + serialisation), measured in one run.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { createTestDatabase } from '@syncsafe/db/testing';
import { toRowEnum } from '@syncsafe/db';
import { buildServer } from '../src/build-server.ts';
import { loadConfig } from '../src/config.ts';

const JOBS = 10_000;
const RUNS = 200;

function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 20; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  const result = { label, p50: percentile(samples, 50), p95: percentile(samples, 95) };
  console.log(`${label.padEnd(44)} p50 ${result.p50.toFixed(2)} ms   p95 ${result.p95.toFixed(2)} ms`);
  return result;
}

const dataDir = mkdtempSync(join(tmpdir(), 'syncsafe-bench-'));
const db = await createTestDatabase();
try {
  const config = loadConfig({ SYNCSAFE_DATA_DIR: dataDir, SYNCSAFE_ADMIN_PASSWORD: 'bench-password-123', SYNCSAFE_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'), LOG_LEVEL: 'silent', SYNCSAFE_WEB_DIST: join(dataDir, 'none') });
  const { fastify } = await buildServer(config, { db, logger: false, isMonitoring: false });
  await fastify.ready();
  const servers = Array.from({ length: 200 }, (_, i) => ({ id: randomUUID(), name: `srv${i}`, address: `10.1.${Math.floor(i / 250)}.${i % 250}`, username: 'a', passwordCiphertext: 'x' }));
  await db.prisma.server.createMany({ data: servers });
  const states = (['protecting', 'failed-over', 'stopped', 'protecting', 'protecting'] as const).map((s) => toRowEnum(s));
  for (let start = 0; start < JOBS; start += 1000) {
    await db.prisma.job.createMany({
      data: Array.from({ length: 1000 }, (_, k) => {
        const i = start + k;
        return {
          name: `job-${String(i).padStart(5, '0')}`,
          type: i % 2 ? ('full_server' as const) : ('files_and_folders' as const),
          sourceServerId: servers[i % 200]!.id,
          targetServerId: servers[(i + 1) % 200]!.id,
          state: states[i % states.length]!,
          directories: ['/data'],
          replicaRoot: '/replica',
          options: {},
        };
      }),
    });
  }
  const login = await fastify.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'bench-password-123' } });
  const cookie = `syncsafe_session=${login.cookies.find((c) => c.name === 'syncsafe_session')!.value}`;
  const get = (url: string) => fastify.inject({ url, headers: { cookie } });

  const page = (await get('/api/jobs?limit=100')).json();
  console.log(`Jobs list at ${JOBS} jobs (${RUNS} requests each, in-process inject)`);
  const ours = await measure('GET /api/jobs?limit=100', () => get('/api/jobs?limit=100'));
  await measure('GET /api/jobs?limit=100&state=failed-over', () => get('/api/jobs?limit=100&state=failed-over'));
  await measure('GET /api/jobs?limit=100&q=job-09 (search)', () => get('/api/jobs?limit=100&q=job-09'));
  await measure('GET /api/jobs?cursor=… (page 50)', () => get(`/api/jobs?limit=100&cursor=${page.items[99].id}`));

  const bare = Fastify();
  bare.get('/api/jobs', async () => page);
  await bare.ready();
  const baseline = await measure('baseline: bare Fastify, same page from memory', () => bare.inject({ url: '/api/jobs' }));
  console.log(`ratio (ours / baseline): p50 ${(ours.p50 / baseline.p50).toFixed(1)}x, p95 ${(ours.p95 / baseline.p95).toFixed(1)}x`);
  await bare.close();
  await fastify.close();
} finally {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
