import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { prismaDir, schemaPath } from './paths.ts';
import path from 'node:path';

/**
 * Runs `prisma generate` for prisma/schema.prisma, writing src/generated (git-ignored, so a fresh
 * clone must run this before anything imports the package). Generation needs no schema engine,
 * but the CLI checks for one and would try to download it: pointing PRISMA_SCHEMA_ENGINE_BINARY
 * at any existing file (node itself) satisfies the check offline.
 */
export async function generatePrismaClient(): Promise<void> {
  const require = createRequire(import.meta.url);
  const prismaCli = require.resolve('prisma/build/index.js');
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, 'generate', `--schema=${schemaPath}`], {
      cwd: path.dirname(prismaDir),
      stdio: 'inherit',
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, CHECKPOINT_DISABLE: '1' },
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (exitCode !== 0) throw new Error(`prisma generate exited with code ${exitCode}`);
}
