import { describe, expect, it, onTestFinished } from 'vitest';
import pg from 'pg';
import { buildServer, buildUser, createServer, createTestDatabase, createUser } from '../src/testing/index.ts';
import { isPostgres } from './helpers.ts';

describe('createTestDatabase', () => {
  it('gives a separate, migrated database on every call', async () => {
    const first = await createTestDatabase();
    onTestFinished(() => first.close());
    const second = await createTestDatabase();
    onTestFinished(() => second.close());

    await createUser(first.prisma);

    expect(await first.prisma.user.count()).toBe(1);
    expect(await second.prisma.user.count()).toBe(0);
  });

  it.runIf(isPostgres)('drops its PostgreSQL database on close', async () => {
    const db = await createTestDatabase();
    const rows = await db.prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    const name = rows[0]!.name;
    expect(name).toMatch(/^syncsafe_test_/);

    await db.close();

    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      expect(rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});

describe('factories', () => {
  it('build unique users and servers that insert side by side', async () => {
    const db = await createTestDatabase();
    onTestFinished(() => db.close());

    const users = await Promise.all([createUser(db.prisma), createUser(db.prisma)]);
    const servers = await Promise.all([createServer(db.prisma), createServer(db.prisma)]);

    expect(new Set(users.map((user) => user.username)).size).toBe(2);
    expect(new Set(servers.map((server) => `${server.address}:${server.port}`)).size).toBe(2);
    expect(servers[0]).toMatchObject({ port: 6320, addressKind: 'reserved', status: 'unknown', version: 1 });
  });

  it('apply overrides, including already-hashed secrets', () => {
    const user = buildUser({ username: 'alice', role: 'admin', passwordHash: '$argon2id$real' });
    const server = buildServer({ address: '10.0.0.5', port: 6400, passwordCiphertext: 'v1:abc' });

    expect(user).toMatchObject({ username: 'alice', role: 'admin', passwordHash: '$argon2id$real' });
    expect(server).toMatchObject({ address: '10.0.0.5', port: 6400, passwordCiphertext: 'v1:abc' });
  });

  it('work inside a transaction client', async () => {
    const db = await createTestDatabase();
    onTestFinished(() => db.close());

    await db.prisma.$transaction(async (tx) => {
      await createUser(tx);
      await createServer(tx);
    });

    expect([await db.prisma.user.count(), await db.prisma.server.count()]).toEqual([1, 1]);
  });
});
