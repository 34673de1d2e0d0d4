import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client.ts';
import { assertChannelName, registerSessionOpener, type Database, type SqlSession } from './database.ts';

export interface PGliteOpenOptions {
  /** Folder holding the data files; omitted → in memory. */
  dataDir?: string;
  /** A tarball from `dumpDataDir()` to start from (the testing module's migrated template). */
  loadDataDir?: Blob | File;
}

/** Opens PGlite and the Prisma client over it. PGlite has one connection: everything queues on it. */
export async function openPGliteDatabase(opts: PGliteOpenOptions): Promise<Database & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(opts.dataDir === undefined ? {} : { dataDir: opts.dataDir }),
    ...(opts.loadDataDir === undefined ? {} : { loadDataDir: opts.loadDataDir }),
  });
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
  registerSessionOpener(db, async () => createPGliteSession(pglite));
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
