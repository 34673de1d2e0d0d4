import { randomBytes } from 'node:crypto';
import type { Database } from '../database.ts';
import { applyMigrations } from '../migrations/apply-migrations.ts';
import { runOnServer, withDatabaseName } from '../migrations/postgres-migration-adapter.ts';
import { openPGliteDatabase } from '../pglite-database.ts';
import { openPostgresDatabase } from '../postgres-database.ts';

/**
 * A freshly migrated database per call. In-memory PGlite by default; with
 * SYNCSAFE_TEST_DB=postgres a brand-new database on the server in TEST_DATABASE_URL,
 * dropped by close().
 */
export function createTestDatabase(): Promise<Database> {
  return process.env.SYNCSAFE_TEST_DB === 'postgres' ? createPostgresTestDatabase() : createPGliteTestDatabase();
}

let migratedTemplate: Promise<Blob> | undefined;

/**
 * Migrating costs far more than loading a data directory, so each process migrates one PGlite
 * once, keeps its dump, and starts every later test database from that dump.
 */
async function createPGliteTestDatabase(): Promise<Database> {
  if (migratedTemplate) return openPGliteDatabase({ loadDataDir: await migratedTemplate });
  const db = await openPGliteDatabase({});
  const dump = (async () => {
    await applyMigrations(db);
    return db.pglite.dumpDataDir('none');
  })();
  migratedTemplate = dump;
  dump.catch(() => {
    // A failed migration must not poison every later call with the same rejection.
    if (migratedTemplate === dump) migratedTemplate = undefined;
  });
  try {
    await dump;
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

async function createPostgresTestDatabase(): Promise<Database> {
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
    await applyMigrations(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
