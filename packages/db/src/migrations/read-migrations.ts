import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';

export interface MigrationFolder {
  /** Folder name, e.g. 20250101000000_init: Prisma's migration_name. */
  name: string;
  script: string;
  /** sha256 hex of the file's bytes, as Prisma stores it. */
  checksum: string;
}

export const LOCK_FILE = 'migration_lock.toml';

/** Migration folders in name order (the timestamp prefix makes that chronological), like Prisma. */
export async function readMigrations(migrationsDir: string): Promise<MigrationFolder[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(migrationsDir, name, 'migration.sql'));
      return { name, script: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
}

/** The migrations folder in the shape the schema engine takes (it never reads files itself). */
export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const migrations = await readMigrations(migrationsDir);
  const lockfileContent = await readFile(path.join(migrationsDir, LOCK_FILE), 'utf8').catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCK_FILE, content: lockfileContent },
    shadowDbInitScript: '',
    migrationDirectories: migrations.map((migration) => ({
      path: migration.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: migration.script } },
    })),
  };
}
