import Fastify, { type FastifyInstance } from 'fastify';
import { applyMigrations, openDatabase, type Database } from '@syncsafe/db';
import { app } from './app.ts';
import type { Config } from './config.ts';
import { ensureFirstAdmin } from './services/auth/users.ts';
import { createSecretBox, loadSecretKey } from './services/secret-box.ts';

export interface StartedServer {
  fastify: FastifyInstance;
  db: Database;
  /** Set on the first start of an empty database. */
  firstAdmin: { username: string; password: string; isGenerated: boolean } | null;
}

/** Opens and migrates the database, creates the first admin if needed, and builds the Fastify server. */
export async function buildServer(config: Config, options: { db?: Database; logger?: boolean } = {}): Promise<StartedServer> {
  const db = options.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const fastify = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.passwordHash'],
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: true,
  });
  await applyMigrations(db, (msg) => fastify.log.info(msg));
  const firstAdmin = await ensureFirstAdmin(db.prisma, config.adminPassword);
  const secretBox = createSecretBox(loadSecretKey(config.secretKey, config.dataDir));
  await fastify.register(app, { config, db, secretBox });
  fastify.addHook('onClose', async () => {
    if (!options.db) await db.close();
  });
  return { fastify, db, firstAdmin };
}
