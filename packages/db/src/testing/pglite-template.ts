import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Database } from '../database.ts';
import { applyMigrations } from '../migrations/apply-migrations.ts';
import { openPGliteDatabase, type PGliteOpenOptions } from '../pglite-database.ts';

/** Set by the global setup: a folder with `empty.tar` and `migrated.tar`, shared by every test process. */
export const TEMPLATE_DIR_ENV = 'SYNCSAFE_TEST_PGLITE_TEMPLATES';

export type TemplateKind = 'empty' | 'migrated';

type Artifacts = Required<Pick<PGliteOpenOptions, 'pgliteWasmModule' | 'fsBundle'>>;

let artifacts: Promise<Artifacts> | undefined;
const templates = new Map<TemplateKind, Promise<Blob>>();

/**
 * A fresh in-memory PGlite costs an initdb (seconds); migrating costs ~0.1 s. So each kind of
 * database is dumped once (by the global setup, else once per test process) and every test
 * database is loaded from that dump, reusing the compiled Postgres module (~0.5 s each).
 */
export async function openTemplatePGlite(kind: TemplateKind): Promise<Database> {
  const loaded = await loadArtifacts();
  const shared = process.env[TEMPLATE_DIR_ENV];
  if (shared && !templates.has(kind)) {
    templates.set(kind, readFile(path.join(shared, `${kind}.tar`)).then((bytes) => new Blob([bytes])));
  }
  const template = templates.get(kind);
  if (template) return openPGliteDatabase({ ...loaded, loadDataDir: await template });
  const db = await openPGliteDatabase(loaded);
  const dump = (kind === 'migrated' ? applyMigrations(db) : Promise.resolve()).then(() => db.pglite.dumpDataDir('none'));
  templates.set(kind, dump);
  try {
    await dump;
  } catch (error) {
    // A failed migration must not poison every later call with the same rejection.
    if (templates.get(kind) === dump) templates.delete(kind);
    await db.close();
    throw error;
  }
  return db;
}

/**
 * Dumps both kinds as uncompressed tarballs (gzip made loading twice as slow); the migrated one
 * starts from the empty dump, so there is a single initdb.
 */
export async function dumpTemplates(): Promise<Record<TemplateKind, Blob>> {
  const loaded = await loadArtifacts();
  const blank = await openPGliteDatabase(loaded);
  const empty = await blank.pglite.dumpDataDir('none').finally(() => blank.close());
  const db = await openPGliteDatabase({ ...loaded, loadDataDir: empty });
  try {
    await applyMigrations(db);
    return { empty, migrated: await db.pglite.dumpDataDir('none') };
  } finally {
    await db.close();
  }
}

function loadArtifacts(): Promise<Artifacts> {
  artifacts ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [wasm, bundle] = await Promise.all([
      readFile(path.join(dist, 'pglite.wasm')),
      readFile(path.join(dist, 'pglite.data')),
    ]);
    // No DOM lib here, so the WebAssembly global is not declared; it exists in Node.
    const { WebAssembly } = globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<unknown> } };
    return {
      pgliteWasmModule: (await WebAssembly.compile(wasm)) as Artifacts['pgliteWasmModule'],
      fsBundle: new Blob([bundle]),
    };
  })();
  return artifacts;
}
