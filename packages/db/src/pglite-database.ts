import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client.ts';
import { createPGliteMigrationAdapter } from './migrations/pglite-migration-adapter.ts';
import { assertChannelName, registerInternals, type Database, type SqlSession } from './database.ts';

/**
 * dataDir: the folder holding the data files (omitted → in memory). loadDataDir: a tarball from
 * `dumpDataDir()` to start from, and pgliteWasmModule / fsBundle: already-loaded artifacts, which
 * the testing module reuses to open many databases quickly.
 */
export type PGliteOpenOptions = Pick<PGliteOptions, 'dataDir' | 'loadDataDir' | 'pgliteWasmModule' | 'fsBundle'>;

/** Opens PGlite and the Prisma client over it. PGlite has one connection: everything queues on it. */
export async function openPGliteDatabase(opts: PGliteOpenOptions): Promise<Database & { pglite: PGlite }> {
  const pglite = await PGlite.create(opts);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const db = {
    prisma,
    kind: 'pglite' as const,
    pglite,
    async listen(channel: string, onPayload: (payload: string) => void) {
      assertChannelName(channel);
      const unlisten = await pglite.listen(channel, onPayload);
      return () => unlisten();
    },
    async notify(channel: string, payload = '') {
      assertChannelName(channel);
      await pglite.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
  registerInternals(db, {
    openSession: async () => createPGliteSession(pglite),
    createMigrationAdapter: () => createPGliteMigrationAdapter(pglite),
  });
  return db;
}

export function createPGliteSession(pglite: PGlite): SqlSession {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await pglite.query<Row>(sql, params)).rows;
    },
    async executeScript(sql: string) {
      await pglite.exec(sql);
    },
    // The single connection belongs to the Database; nothing to give back.
    async release() {},
  };
}
