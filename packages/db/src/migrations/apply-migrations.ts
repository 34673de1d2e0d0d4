import { randomUUID } from 'node:crypto';
import { getInternals, type Database, type SqlSession } from '../database.ts';
import { migrationsDir as defaultMigrationsDir } from '../paths.ts';
import { readMigrations, type MigrationFolder } from './read-migrations.ts';

/** The key Prisma Migrate locks, so our runner and the real CLI never apply at the same time. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** Prisma's own bookkeeping table, column for column, so `prisma migrate status` reads it. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface MigrationRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface ApplyMigrationsOptions {
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
}

/**
 * Applies pending prisma/migrations/* in order, recorded in _prisma_migrations as Prisma Migrate
 * records them; idempotent. A failing migration is recorded as failed (finished_at NULL, logs set)
 * and stops the run, and a recorded failure blocks later runs until it is resolved, as in Prisma.
 */
export async function applyMigrations(
  db: Database,
  log: (msg: string) => void = () => {},
  options: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const session = await getInternals(db).openSession();
  try {
    await session.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      return await applyPending(session, migrations, log);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    }
  } finally {
    await session.release();
  }
}

async function applyPending(session: SqlSession, migrations: MigrationFolder[], log: (msg: string) => void) {
  await session.executeScript(CREATE_MIGRATIONS_TABLE);
  const rows = await session.query<MigrationRow>(
    'SELECT id, migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
  );
  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length > 0) {
    const names = failed.map((row) => row.migration_name).join(', ');
    throw new Error(`failed migrations in the database (${names}): resolve them before applying new ones`);
  }
  const appliedRows = new Map(rows.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row]));
  const applied: string[] = [];
  for (const migration of migrations) {
    const row = appliedRows.get(migration.name);
    if (row) {
      // Prisma only warns about an edited migration too; the database already has its effect.
      if (row.checksum !== migration.checksum) log(`warning: migration ${migration.name} was edited after it was applied`);
      continue;
    }
    await applyOne(session, migration);
    log(`applied migration ${migration.name}`);
    applied.push(migration.name);
  }
  if (applied.length === 0) log('no pending migrations');
  return { applied };
}

async function applyOne(session: SqlSession, migration: MigrationFolder): Promise<void> {
  const id = randomUUID();
  await session.query(
    'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
    [id, migration.checksum, migration.name],
  );
  try {
    // One script, one implicit transaction: a failure leaves no half-applied schema behind.
    await session.executeScript(migration.script);
  } catch (error) {
    const logs = describeDatabaseError(error);
    await session.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, logs]);
    throw new Error(`migration ${migration.name} failed to apply: ${logs}`, { cause: error });
  }
  await session.query(
    'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1',
    [id],
  );
}

function describeDatabaseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.message} (database error code ${code})` : error.message;
}
