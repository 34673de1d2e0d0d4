import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '@syncsafe/db';
import type { Config } from './config.ts';
import principal, { authenticated } from './plugins/app/auth.ts';
import errorHandler from './plugins/app/error-handler.ts';
import events from './plugins/app/events.ts';
import monitoring from './plugins/app/monitoring.ts';
import operations from './plugins/app/operations.ts';
import metrics from './plugins/external/metrics.ts';
import openapi from './plugins/external/openapi.ts';
import security from './plugins/external/security.ts';
import webConsole from './plugins/external/web-console.ts';
import websocket from './plugins/external/websocket.ts';
import auditRoutes from './routes/audit/index.ts';
import eventRoutes from './routes/events/index.ts';
import { loginRoutes, sessionRoutes } from './routes/auth/index.ts';
import { metricsRoute, openapiRoute } from './routes/docs/index.ts';
import healthRoutes from './routes/health/index.ts';
import jobRoutes from './routes/jobs/index.ts';
import notificationRoutes from './routes/notifications/index.ts';
import serverRoutes from './routes/servers/index.ts';
import tokenRoutes from './routes/tokens/index.ts';
import userRoutes from './routes/users/index.ts';
import type { AgentDirectory } from './services/operations/agent-port.ts';
import type { SecretBox } from './services/secret-box.ts';
import './types.ts';

export interface AppDependencies {
  config: Config;
  db: Database;
  secretBox: SecretBox;
  agents: AgentDirectory;
  /** Watch agents' heartbeats (server health, progress, failover condition). */
  isMonitoring: boolean;
}

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The console API as a Fastify plugin: external plugins, then ours, then routes. */
async function consoleApi(instance: FastifyInstance, deps: AppDependencies) {
  instance.setValidatorCompiler(validatorCompiler);
  instance.setSerializerCompiler(serializerCompiler);
  instance.decorate('config', deps.config);
  instance.decorate('db', deps.db);
  instance.decorate('secretBox', deps.secretBox);
  instance.decorate('agents', deps.agents);

  await instance.register(security);
  await instance.register(openapi);
  await instance.register(metrics);
  await instance.register(websocket);
  await instance.register(errorHandler);
  await instance.register(principal);
  await instance.register(events);
  await instance.register(operations, { agents: deps.agents });
  await instance.register(monitoring, { agents: deps.agents, isEnabled: deps.isMonitoring });
  await instance.register(webConsole, { root: deps.config.webDist ?? DEFAULT_WEB_DIST });

  // Public routes live outside the authenticated scope; nothing is exempted by URL.
  await instance.register(healthRoutes);
  await instance.register(openapiRoute);
  await instance.register(loginRoutes);

  await instance.register(async function signedIn(scope) {
    await scope.register(authenticated);
    await scope.register(sessionRoutes);
    await scope.register(metricsRoute);
    await scope.register(userRoutes);
    await scope.register(tokenRoutes);
    await scope.register(serverRoutes);
    await scope.register(jobRoutes);
    await scope.register(notificationRoutes);
    await scope.register(auditRoutes);
    await scope.register(eventRoutes);
  });
}

/** Not encapsulated, so the embedding server (and tests) see its decorators (db, events…). */
export const app = fp(consoleApi, { name: 'syncsafe-console' });
