import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@syncsafe/contracts';
import type { Database } from '@syncsafe/db';
import { createTestDatabase } from '@syncsafe/db/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/build-server.ts';
import { loadConfig } from '../../src/config.ts';
import { hashPassword } from '../../src/services/passwords.ts';

export const ADMIN_PASSWORD = 'correct horse battery staple';
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
/** What `inject` sends as Host, so the console's own origin. */
export const OWN_ORIGIN = 'http://localhost:80';

export interface Caller {
  /** Cookie-authenticated request from the console's own origin (state-changing requests carry Origin). */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  cookie: string;
  userId: string;
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  dataDir: string;
  signIn(username: string, password: string): Promise<Caller>;
  /** Creates a user with the role (password = ADMIN_PASSWORD) and signs in. */
  callerWithRole(role: Role): Promise<Caller>;
  close(): Promise<void>;
}

let userCount = 0;

export async function createTestApp(env: Record<string, string> = {}, options: { isMonitoring?: boolean } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'syncsafe-api-'));
  const config = loadConfig({
    SYNCSAFE_DATA_DIR: dataDir,
    SYNCSAFE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SYNCSAFE_SECRET_KEY: TEST_SECRET_KEY,
    SYNCSAFE_WEB_DIST: join(dataDir, 'no-web-build'),
    // SYNCSAFE_DEBUG_CONSOLE=1 shows the in-process console's log (info) while a test runs.
    LOG_LEVEL: process.env.SYNCSAFE_DEBUG_CONSOLE ? 'info' : 'silent',
    SYNCSAFE_LOGIN_MAX_PER_MINUTE: '1000',
    ...env,
  });
  const db = await createTestDatabase();
  const { fastify: app } = await buildServer(config, { db, logger: Boolean(process.env.SYNCSAFE_DEBUG_CONSOLE), isMonitoring: options.isMonitoring ?? false });
  await app.ready();

  async function signIn(username: string, password: string): Promise<Caller> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'syncsafe_session')!;
    const header = `syncsafe_session=${cookie.value}`;
    return {
      cookie: header,
      userId: res.json().user.id,
      request: (options) => {
        const method = (options.method ?? 'GET').toUpperCase();
        const origin = method === 'GET' || method === 'HEAD' ? {} : { origin: OWN_ORIGIN };
        return app.inject({ ...options, headers: { cookie: header, ...origin, ...(options.headers ?? {}) } });
      },
    };
  }

  return {
    app,
    db,
    dataDir,
    signIn,
    async callerWithRole(role) {
      userCount += 1;
      const username = `${role}-${userCount}`;
      await db.prisma.user.create({ data: { username, role, passwordHash: await hashPassword(ADMIN_PASSWORD) } });
      return signIn(username, ADMIN_PASSWORD);
    },
    async close() {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid Add Server body; override what a test is about. */
export function serverBody(overrides: Record<string, unknown> = {}) {
  userCount += 1;
  return {
    name: `web${userCount}`,
    address: `10.0.${Math.floor(userCount / 250)}.${(userCount % 250) + 1}`,
    username: 'Administrator',
    password: 'S3rver-local-password!',
    ...overrides,
  };
}
