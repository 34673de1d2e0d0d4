export type { Database, DatabaseKind, Unlisten } from './database.ts';
export { openDatabase, type OpenDatabaseOptions } from './open-database.ts';
export { applyMigrations, type ApplyMigrationsOptions } from './migrations/apply-migrations.ts';
export * from './generated/client.ts';
