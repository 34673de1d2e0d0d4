import { describe, expect, it, onTestFinished } from 'vitest';
import pg from 'pg';
import { getInternals } from '../src/database.ts';
import { diffDatabaseToSchema, diffMigrationsToSchema } from '../src/migrations/diff-schema.ts';
import { migrationsDir } from '../src/paths.ts';
import { createTestDatabase } from '../src/testing/index.ts';
import { isPostgres, useMigrationsWith } from './helpers.ts';

async function listShadowDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'syncsafe_shadow_%'`);
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

describe('prisma/migrations', () => {
  it('produce exactly the schema in prisma/schema.prisma', async () => {
    const db = await createTestDatabase();
    onTestFinished(() => db.close());

    const diff = await diffDatabaseToSchema(db);

    // On failure the script shows what is missing: run `pnpm db:migration:create <name>`.
    expect(diff.script).not.toMatch(/CREATE|ALTER|DROP/);
    expect(diff.hasChanges).toBe(false);
  });

  it('are seen as drift when the database lacks part of the schema', async () => {
    const db = await createTestDatabase();
    onTestFinished(() => db.close());
    await db.prisma.$executeRawUnsafe('DROP INDEX "audit_events_action_idx"');

    const diff = await diffDatabaseToSchema(db);

    expect(diff.hasChanges).toBe(true);
    expect(diff.script).toContain('CREATE INDEX "audit_events_action_idx"');
  });

  it('replayed on a shadow database match the schema, and the shadow is removed', async () => {
    const db = await createTestDatabase({ migrate: false });
    onTestFinished(() => db.close());
    const factory = getInternals(db).createMigrationAdapter();
    onTestFinished(() => factory.close());
    const shadowsBefore = isPostgres ? await listShadowDatabases() : [];

    const diff = await diffMigrationsToSchema(factory, { migrationsDir });

    expect(diff.hasChanges).toBe(false);
    if (isPostgres) expect(await listShadowDatabases()).toEqual(shadowsBefore);
  });

  it('replay scripts whole on the shadow database: semicolons in comments and function bodies', async () => {
    const db = await createTestDatabase({ migrate: false });
    onTestFinished(() => db.close());
    const factory = getInternals(db).createMigrationAdapter();
    onTestFinished(() => factory.close());
    const dir = await useMigrationsWith({
      '29990101000000_semicolons': `-- one; two\nCREATE FUNCTION "probe"() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;`,
    });

    expect((await diffMigrationsToSchema(factory, { migrationsDir: dir })).hasChanges).toBe(false);
  });

  it('report a migration that fails on the shadow database', async () => {
    const db = await createTestDatabase({ migrate: false });
    onTestFinished(() => db.close());
    const factory = getInternals(db).createMigrationAdapter();
    onTestFinished(() => factory.close());
    const dir = await useMigrationsWith({ '29990101000000_broken': 'SELECT * FROM "no_such_table";' });

    await expect(diffMigrationsToSchema(factory, { migrationsDir: dir })).rejects.toThrow(/29990101000000_broken/);
  });
});
