import { readFile } from 'node:fs/promises';
import type { DiffTarget, SchemaContainer } from '@prisma/schema-engine-wasm';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { schemaPath as defaultSchemaPath } from '../paths.ts';
import { readMigrationList } from './read-migrations.ts';
import { getInternals, type Database } from '../database.ts';
import { withSchemaEngine } from './schema-engine.ts';

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export interface SchemaDiff {
  hasChanges: boolean;
  /** Executable SQL taking `from` to the schema (Prisma's "empty migration" comment when none). */
  script: string;
}

export async function readSchema(schemaPath = defaultSchemaPath): Promise<SchemaContainer> {
  return { path: schemaPath, content: await readFile(schemaPath, 'utf8') };
}

/**
 * SQL that takes the database produced by the migrations folder to the schema. The engine
 * replays the migrations on the factory's shadow database (connectToShadowDb).
 */
export async function diffMigrationsToSchema(
  factory: SqlMigrationAwareDriverAdapterFactory,
  opts: { migrationsDir: string; schemaPath?: string },
): Promise<SchemaDiff> {
  const schema = await readSchema(opts.schemaPath);
  const from: DiffTarget = { tag: 'migrations', ...(await readMigrationList(opts.migrationsDir)) };
  return diffToSchema(factory, schema, from);
}

/**
 * SQL that takes the live database to the schema: no changes means no drift. Functions and
 * triggers are invisible to Prisma's diff, so the audit trigger never counts as drift.
 */
export async function diffDatabaseToSchema(db: Database, opts: { schemaPath?: string } = {}): Promise<SchemaDiff> {
  const schema = await readSchema(opts.schemaPath);
  const factory = getInternals(db).createMigrationAdapter();
  try {
    return await diffToSchema(factory, schema, { tag: 'schemaDatasource', files: [schema], configDir: process.cwd() });
  } finally {
    await factory.close();
  }
}

async function diffToSchema(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: SchemaContainer,
  from: DiffTarget,
): Promise<SchemaDiff> {
  const result = await withSchemaEngine(factory, schema, (engine) =>
    engine.diff({ from, to: { tag: 'schemaDatamodel', files: [schema] }, script: true, exitCode: true, filters: NO_FILTERS }),
  );
  // With exitCode requested the engine answers 2 when the diff is not empty.
  return { hasChanges: result.exitCode === 2, script: result.stdout ?? '' };
}
