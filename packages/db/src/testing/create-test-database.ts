import { randomBytes } from 'node:crypto';
import type { Database } from '../database.ts';
import { applyMigrations } from '../migrations/apply-migrations.ts';
import { runOnServer, withDatabaseName } from '../migrations/postgres-migration-adapter.ts';
import { openPostgresDatabase } from '../postgres-database.ts';
import { openTemplatePGlite } from './pglite-template.ts';

export interface TestDatabaseOptions {
  /** false → an empty database, for tests of migrations themselves. Default true. */
  migrate?: boolean;
}

/**
 * A freshly migrated database per call. In-memory PGlite by default; with
 * SYNCSAFE_TEST_DB=postgres a brand-new database on the server in TEST_DATABASE_URL,
 * dropped by close().
 */
export function createTestDatabase(opts: TestDatabaseOptions = {}): Promise<Database> {
  const migrate = opts.migrate ?? true;
  if (process.env.SYNCSAFE_TEST_DB === 'postgres') return createPostgresTestDatabase(migrate);
  return openTemplatePGlite(migrate ? 'migrated' : 'empty');
}

async function createPostgresTestDatabase(migrate: boolean): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('SYNCSAFE_TEST_DB=postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  const name = `syncsafe_test_${randomBytes(6).toString('hex')}`;
  await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
  const drop = () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  let db: Database;
  try {
    db = await openPostgresDatabase(withDatabaseName(serverUrl, name));
  } catch (error) {
    await drop();
    throw error;
  }
  const close = db.close.bind(db);
  db.close = async () => {
    try {
      await close();
    } finally {
      await drop();
    }
  };
  try {
    if (migrate) await applyMigrations(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
