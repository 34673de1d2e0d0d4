import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';
import { assertChannelName, registerInternals, type Database, type SqlSession } from './database.ts';
import { createNotificationListener } from './postgres-listener.ts';
import { createPostgresMigrationAdapter } from './migrations/postgres-migration-adapter.ts';

/** Opens the Prisma client over a pg pool (adapter-pg). LISTEN gets its own connection, opened on first use. */
export async function openPostgresDatabase(databaseUrl: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle pooled connection the server closes (a restart, an administrator) emits 'error': without a
  // listener that would end the process. The pool drops the connection and opens a new one when needed.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const listener = createNotificationListener(databaseUrl);
  const db: Database = {
    prisma,
    kind: 'postgres',
    listen: (channel, onPayload) => listener.listen(channel, onPayload),
    async notify(channel, payload = '') {
      assertChannelName(channel);
      await prisma.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
    },
    async close() {
      await listener.close();
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
  registerInternals(db, {
    openSession: () => connectPostgresSession(databaseUrl),
    createMigrationAdapter: () => createPostgresMigrationAdapter(databaseUrl),
  });
  return db;
}

/** A dedicated client, not the pool: a session-level advisory lock must stay on one connection. */
export async function connectPostgresSession(databaseUrl: string): Promise<SqlSession> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async executeScript(sql: string) {
      // No parameters → simple query protocol, which accepts many statements in one implicit transaction.
      await client.query(sql);
    },
    async release() {
      await client.end();
    },
  };
}
