import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import type { ClosableAdapterFactory } from './pglite-migration-adapter.ts';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * adapter-pg for the schema engine, with three fixes:
 * - catalog columns of type "char" (OID 18, e.g. pg_class.relkind) are reported as text, since
 *   adapter-pg rejects that type during introspection;
 * - `executeScript` sends the script whole, as our runner does: adapter-pg 7.10.1 splits it on
 *   every ";", breaking semicolons in comments, strings and function bodies ($$ … $$);
 * - the shadow database is really created and dropped here, because PrismaPg's
 *   connectToShadowDb() given a connection string silently uses the main database.
 */
export function createPostgresMigrationAdapter(databaseUrl: string): ClosableAdapterFactory {
  const pools = new Set<pg.Pool>();
  const openAdapter = async (url: string) => {
    const pool = createCharAsTextPool(url);
    pools.add(pool);
    const adapter = await new PrismaPg(pool).connect();
    const toAdapterError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      // No parameters → simple query protocol: many statements, one implicit transaction.
      await pool.query(script).catch(toAdapterError);
    };
    adapter.dispose = async () => {
      pools.delete(pool);
      await pool.end();
    };
    return adapter;
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => openAdapter(databaseUrl),
    async connectToShadowDb() {
      const name = `syncsafe_shadow_${randomBytes(6).toString('hex')}`;
      await runOnServer(databaseUrl, `CREATE DATABASE "${name}"`);
      const adapter = await openAdapter(withDatabaseName(databaseUrl, name));
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await runOnServer(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return adapter;
    },
    async close() {
      await Promise.all([...pools].map((pool) => pool.end()));
      pools.clear();
    },
  };
}

function createCharAsTextPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  pool.query = (async (config: pg.QueryConfig) => {
    const result = await query(config);
    // A multi-statement script answers with one result per statement.
    for (const each of [result].flat()) {
      for (const field of each.fields ?? []) {
        if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      }
    }
    return result;
  }) as typeof pool.query;
  return pool;
}

/** The same server URL pointing at another database. */
export function withDatabaseName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One statement on a short-lived connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function runOnServer(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
