import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './database.ts';
import { openPGliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

export interface OpenDatabaseOptions {
  /** postgres:// or postgresql:// selects PostgreSQL; anything else (or nothing) selects PGlite. */
  databaseUrl?: string;
  /** PGlite keeps its files in `${dataDir}/pglite`. */
  dataDir?: string;
  /** In-memory PGlite, for tests. */
  memory?: boolean;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * databaseUrl postgres:// or postgresql:// → PostgreSQL via @prisma/adapter-pg; otherwise
 * file-backed PGlite in `${dataDir}/pglite` (dataDir created if missing). `memory: true` →
 * in-memory PGlite (tests).
 */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (isPostgresUrl(opts.databaseUrl)) return openPostgresDatabase(opts.databaseUrl);
  if (opts.memory) return openPGliteDatabase({});
  if (!opts.dataDir) throw new Error('openDatabase: dataDir is required for file-backed PGlite');
  await mkdir(opts.dataDir, { recursive: true });
  return openPGliteDatabase({ dataDir: path.join(path.resolve(opts.dataDir), 'pglite') });
}
