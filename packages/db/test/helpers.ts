import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { migrationsDir } from '../src/paths.ts';

export const isPostgres = process.env.SYNCSAFE_TEST_DB === 'postgres';

/** A temp folder removed when the current test finishes. */
export async function useTempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'syncsafe-db-test-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of prisma/migrations plus extra hand-written migrations, in a temp folder. */
export async function useMigrationsWith(extra: Record<string, string>): Promise<string> {
  const dir = path.join(await useTempDir(), 'migrations');
  await cp(migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}
