import { access } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations, openDatabase } from '../src/index.ts';
import { buildUser } from '../src/testing/index.ts';
import { isPostgres, useTempDir } from './helpers.ts';

describe('openDatabase', () => {
  it('keeps a file-backed PGlite database across close and reopen', async () => {
    const dataDir = path.join(await useTempDir(), 'not-yet-created');
    const first = await openDatabase({ dataDir });
    await applyMigrations(first);
    await first.prisma.user.create({ data: buildUser({ username: 'kept' }) });
    await first.close();

    await access(path.join(dataDir, 'pglite'));
    const second = await openDatabase({ dataDir });
    try {
      expect(second.kind).toBe('pglite');
      expect((await second.prisma.user.findMany()).map((user) => user.username)).toEqual(['kept']);
      expect((await applyMigrations(second)).applied).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('opens in-memory PGlite when asked for memory', async () => {
    const db = await openDatabase({ memory: true });
    try {
      expect(db.kind).toBe('pglite');
      expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('refuses a PGlite database without a data folder', async () => {
    await expect(openDatabase({})).rejects.toThrow(/dataDir/);
  });

  it.runIf(isPostgres)('opens PostgreSQL for a postgres:// or postgresql:// URL', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    for (const databaseUrl of [url, url.replace(/^postgres(ql)?:/, 'postgresql:')]) {
      const db = await openDatabase({ databaseUrl, dataDir: '/nonexistent' });
      try {
        expect(db.kind).toBe('postgres');
        expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      } finally {
        await db.close();
      }
    }
  });
});
