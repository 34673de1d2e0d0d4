import type { PrismaClient } from './generated/client.ts';
import type { ClosableAdapterFactory } from './migrations/pglite-migration-adapter.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** Stops a `listen` subscription. */
export type Unlisten = () => Promise<void>;

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /**
   * Subscribes to a NOTIFY channel (PGlite: in-process; PostgreSQL: one dedicated connection per
   * Database, outside Prisma's pool). Payloads arrive only after the notifying transaction commits;
   * treat them as wake-up hints and re-read the rows, as a notification can be missed (reconnects).
   * Channel names are plain lower-case identifiers so both backends agree on them.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<Unlisten>;
  /**
   * Sends a notification outside any transaction. Inside `$transaction(async tx => …)` run
   * ``tx.$executeRaw`SELECT pg_notify(${channel}, ${payload})` `` instead, so it is sent on commit
   * (and, on PGlite, so it does not wait for the open transaction).
   */
  notify(channel: string, payload?: string): Promise<void>;
  close(): Promise<void>;
}

/** One SQL session outside Prisma, for the migration runner (scripts, advisory lock). */
export interface SqlSession {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a multi-statement script with the simple query protocol: one implicit transaction. */
  executeScript(sql: string): Promise<void>;
  release(): Promise<void>;
}

/** What this package's migration code needs from a Database, kept off the public interface. */
export interface DatabaseInternals {
  openSession(): Promise<SqlSession>;
  /** The schema engine's view of this database (connect) plus a shadow database; caller closes it. */
  createMigrationAdapter(): ClosableAdapterFactory;
}

const internals = new WeakMap<Database, DatabaseInternals>();

export function registerInternals(db: Database, value: DatabaseInternals): void {
  internals.set(db, value);
}

export function getInternals(db: Database): DatabaseInternals {
  const value = internals.get(db);
  if (!value) throw new Error('not a Database from openDatabase()');
  return value;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertChannelName(channel: string): void {
  if (!CHANNEL_NAME.test(channel)) {
    throw new Error(`channel name must match ${CHANNEL_NAME}: ${JSON.stringify(channel)}`);
  }
}
