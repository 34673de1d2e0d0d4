import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMigration, formatTimestamp, toMigrationName } from '../src/migrations/create-migration.ts';
import { schemaPath } from '../src/paths.ts';
import { useTempDir } from './helpers.ts';

describe('createMigration', () => {
  it('authors a first migration from the schema, then reports no changes', async () => {
    const migrationsDir = path.join(await useTempDir(), 'migrations');

    const created = await createMigration({ name: 'Init', migrationsDir, now: new Date('2030-01-02T03:04:05Z') });

    expect(created?.name).toBe('20300102030405_init');
    const script = await readFile(created!.file, 'utf8');
    expect(script).toContain('CREATE TABLE "users"');
    expect(script).not.toContain('CREATE SCHEMA');
    expect(await readFile(path.join(migrationsDir, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
    expect(await createMigration({ name: 'again', migrationsDir })).toBeNull();
  });

  it('authors only the difference when the schema changes', async () => {
    const dir = await useTempDir();
    const migrationsDir = path.join(dir, 'migrations');
    const changedSchema = path.join(dir, 'schema.prisma');
    await createMigration({ name: 'init', migrationsDir, now: new Date('2030-01-01T00:00:00Z') });
    const schema = await readFile(schemaPath, 'utf8');
    await writeFile(changedSchema, `${schema}\nmodel Probe {\n  id Int @id\n\n  @@map("probes")\n}\n`);

    const created = await createMigration({ name: 'add probes', migrationsDir, schemaPath: changedSchema });

    expect(created?.name).toMatch(/^\d{14}_add_probes$/);
    const script = await readFile(created!.file, 'utf8');
    expect(script).toContain('CREATE TABLE "probes"');
    expect(script).not.toMatch(/ALTER|DROP|CREATE TYPE/);
    expect((await readdir(migrationsDir)).sort()).toEqual([created!.name, '20300101000000_init', 'migration_lock.toml'].sort());
  });
});

describe('migration names', () => {
  it('are a UTC timestamp and lower-case words joined by underscores', () => {
    expect(formatTimestamp(new Date('2030-12-31T23:59:58.999Z'))).toBe('20301231235958');
    expect(toMigrationName('  Add Jobs & Targets! ')).toBe('add_jobs_targets');
    expect(() => toMigrationName('!!')).toThrow();
  });
});
