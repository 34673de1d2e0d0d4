import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { applyMigrations, type Database } from '../src/index.ts';
import { getInternals } from '../src/database.ts';
import { readMigrationList, readMigrations } from '../src/migrations/read-migrations.ts';
import { withSchemaEngine } from '../src/migrations/schema-engine.ts';
import { readSchema } from '../src/migrations/diff-schema.ts';
import { migrationsDir } from '../src/paths.ts';
import { createTestDatabase } from '../src/testing/index.ts';
import { useMigrationsWith } from './helpers.ts';

async function useDatabase(opts: { migrate?: boolean } = {}): Promise<Database> {
  const db = await createTestDatabase(opts);
  onTestFinished(() => db.close());
  return db;
}

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

function readMigrationRows(db: Database) {
  return db.prisma.$queryRawUnsafe<MigrationRow[]>('SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name');
}

describe('applyMigrations', () => {
  it('applies every migration folder in order to an empty database', async () => {
    const db = await useDatabase({ migrate: false });
    const expected = (await readMigrations(migrationsDir)).map((migration) => migration.name);
    expect(expected.length).toBeGreaterThan(0);

    const { applied } = await applyMigrations(db);

    expect(applied).toEqual(expected);
    expect(await db.prisma.user.count()).toBe(0);
  });

  it('does nothing when applied a second time', async () => {
    const db = await useDatabase({ migrate: false });
    await applyMigrations(db);
    const rowsBefore = await readMigrationRows(db);
    const messages: string[] = [];

    const { applied } = await applyMigrations(db, (message) => messages.push(message));

    expect(applied).toEqual([]);
    expect(messages).toEqual(['no pending migrations']);
    expect(await readMigrationRows(db)).toEqual(rowsBefore);
  });

  it('records each migration in _prisma_migrations as Prisma Migrate does', async () => {
    const db = await useDatabase({ migrate: false });
    await applyMigrations(db);

    const rows = await readMigrationRows(db);
    const migrations = await readMigrations(migrationsDir);
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    for (const row of rows) {
      const file = await readFile(path.join(migrationsDir, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('leaves a history that the Prisma schema engine reports as clean', async () => {
    const db = await useDatabase();
    const factory = getInternals(db).createMigrationAdapter();
    onTestFinished(() => factory.close());

    const diagnosis = await withSchemaEngine(factory, await readSchema(), async (engine) =>
      engine.diagnoseMigrationHistory({
        migrationsList: await readMigrationList(migrationsDir),
        optInToShadowDatabase: false,
        filters: { externalTables: [], externalEnums: [] },
      }),
    );

    expect(diagnosis).toEqual({ editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null });
  });

  it('records a failing migration as failed, rolls its script back and stops the run', async () => {
    const db = await useDatabase();
    const dir = await useMigrationsWith({
      '29990101000000_broken': 'CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";',
      '29990102000000_after_broken': 'CREATE TABLE "never_created" (id int);',
    });

    await expect(applyMigrations(db, undefined, { migrationsDir: dir })).rejects.toThrow(/29990101000000_broken/);

    const rows = await readMigrationRows(db);
    const failed = rows.find((row) => row.migration_name === '29990101000000_broken');
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(failed?.logs).toMatch(/no_such_table/);
    expect(rows.map((row) => row.migration_name)).not.toContain('29990102000000_after_broken');
    const tables = await db.prisma.$queryRawUnsafe<{ half: string | null; never: string | null }[]>(
      `SELECT to_regclass('half_done')::text AS half, to_regclass('never_created')::text AS never`,
    );
    expect(tables).toEqual([{ half: null, never: null }]);
  });

  it('refuses to apply anything while a failed migration is recorded', async () => {
    const db = await useDatabase();
    const dir = await useMigrationsWith({ '29990101000000_broken': 'SELECT * FROM "no_such_table";' });
    await expect(applyMigrations(db, undefined, { migrationsDir: dir })).rejects.toThrow();

    await expect(applyMigrations(db, undefined, { migrationsDir: dir })).rejects.toThrow(
      /failed migrations in the database \(29990101000000_broken\)/,
    );
  });

  it('warns about a migration edited after it was applied, without re-applying it', async () => {
    const db = await useDatabase();
    const dir = await useMigrationsWith({ '29990101000000_extra': 'CREATE TABLE "extra" (id int);' });
    await applyMigrations(db, undefined, { migrationsDir: dir });
    await writeFile(path.join(dir, '29990101000000_extra', 'migration.sql'), 'CREATE TABLE "extra" (id bigint);');
    const messages: string[] = [];

    const { applied } = await applyMigrations(db, (message) => messages.push(message), { migrationsDir: dir });

    expect(applied).toEqual([]);
    expect(messages).toContain('warning: migration 29990101000000_extra was edited after it was applied');
  });
});
