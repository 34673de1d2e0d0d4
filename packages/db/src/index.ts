export type { Database, DatabaseKind, Unlisten } from './database.ts';
export { openDatabase, type OpenDatabaseOptions } from './open-database.ts';
export { applyMigrations, type ApplyMigrationsOptions } from './migrations/apply-migrations.ts';
export * from './generated/client.ts';
export { fromRowEnum, toRowEnum, type ProductEnum, type RowEnum } from './row-enums.ts';
