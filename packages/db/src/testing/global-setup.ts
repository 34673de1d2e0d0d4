import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dumpTemplates, TEMPLATE_DIR_ENV } from './pglite-template.ts';

/**
 * Vitest global setup: builds the empty and the migrated PGlite once, before the test processes
 * start, and hands their dumps to them through an environment variable, so no test file pays
 * an initdb. The folder is removed afterwards. Optional: without it each test process builds
 * its own templates on first use.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.SYNCSAFE_TEST_DB === 'postgres') return async () => {};
  const dir = await mkdtemp(path.join(tmpdir(), 'syncsafe-pglite-templates-'));
  const teardown = async () => {
    delete process.env[TEMPLATE_DIR_ENV];
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const [kind, dump] of Object.entries(await dumpTemplates())) {
      await writeFile(path.join(dir, `${kind}.tar`), Buffer.from(await dump.arrayBuffer()));
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  process.env[TEMPLATE_DIR_ENV] = dir;
  return teardown;
}
