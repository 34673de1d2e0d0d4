import Fastify, { type FastifyInstance } from 'fastify';
import { createAgentClient } from '@syncsafe/agent-client';
import { applyMigrations, openDatabase, type Database } from '@syncsafe/db';
import { app } from './app.ts';
import type { Config } from './config.ts';
import { ensureFirstAdmin } from './services/auth/users.ts';
import { createAgentDirectory, type AgentClientFactory } from './services/operations/agent-directory.ts';
import { createSecretBox, loadSecretKey } from './services/secret-box.ts';

export interface StartedServer {
  fastify: FastifyInstance;
  db: Database;
  /** Set on the first start of an empty database. */
  firstAdmin: { username: string; password: string; isGenerated: boolean } | null;
}

/** Opens and migrates the database, creates the first admin if needed, and builds the Fastify server. */
export interface BuildOptions {
  db?: Database;
  logger?: boolean;
  /** Watch agents' heartbeats (default true; API tests without agents turn it off). */
  isMonitoring?: boolean;
  /** How to reach an agent (default: the real HTTP/WebSocket client). */
  createAgentClient?: AgentClientFactory;
}

export async function buildServer(config: Config, options: BuildOptions = {}): Promise<StartedServer> {
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
  const agents = createAgentDirectory(db.prisma, secretBox, options.createAgentClient ?? createAgentClient);
  await fastify.register(app, { config, db, secretBox, agents, isMonitoring: options.isMonitoring ?? true });
  fastify.addHook('onClose', async () => {
    if (!options.db) await db.close();
  });
  return { fastify, db, firstAdmin };
}
