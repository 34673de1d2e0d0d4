import type { Socket } from 'node:net';
import websocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import type { HeartbeatHub } from '../events/heartbeat-hub.ts';
import { AgentError } from './agent-error.ts';
import type { AgentServices } from './agent-services.ts';
import { requireLocalAccount } from './authenticate.ts';
import { channelRoutes } from './routes/channel-routes.ts';
import { faultRoutes } from './routes/fault-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { heartbeatRoutes } from './routes/heartbeat-routes.ts';
import { infoRoutes } from './routes/info-routes.ts';
import { jobRoutes } from './routes/job-routes.ts';
import { openFilesRoutes } from './routes/open-files-routes.ts';
import { stepRoutes } from './routes/step-routes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable while the modelled machine is off or disconnected (fault injection only). */
    isOutOfBand?: boolean;
  }
}

function toErrorBody(error: FastifyError | AgentError): { status: number; body: unknown } {
  if (error instanceof AgentError) {
    return { status: error.statusCode, body: { error: { code: error.code, message: error.message, details: error.details } } };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = status === 404 ? 'not_found' : status === 401 ? 'unauthenticated' : 'validation_failed';
    return { status, body: { error: { code, message: `body: ${error.message}` } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'the agent failed to handle this request' } } };
}

/**
 * The agent's HTTP + WebSocket server: `/v1/health` is public; the console's routes need the local
 * account; channel routes need a channel token; fault routes exist only with `--faults`. While the
 * modelled machine is off, rebooting or disconnected, connections are dropped as a dead host would.
 */
export async function buildServer(services: AgentServices, hub: HeartbeatHub): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: services.config.logLevel },
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
  });
  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  services.machine.onChange(() => {
    if (!services.machine.isReachable()) for (const socket of sockets) socket.destroy();
  });
  app.addHook('onRequest', async (request, reply) => {
    if (services.machine.isReachable() || request.routeOptions.config.isOutOfBand) return;
    reply.hijack();
    request.raw.socket.destroy();
  });
  app.setErrorHandler((error: FastifyError | AgentError, request, reply) => {
    const { status, body } = toErrorBody(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `${request.method} ${request.url} is not an agent route` } }),
  );

  await app.register(websocket);
  await app.register(async (scope) => healthRoutes(scope, services));
  await app.register(async (scope) => channelRoutes(scope, services.channels));
  await app.register(async (scope) => {
    scope.addHook('onRequest', requireLocalAccount(services.account));
    await infoRoutes(scope, services);
    await jobRoutes(scope, services);
    await openFilesRoutes(scope);
    await stepRoutes(scope, services);
    await heartbeatRoutes(scope, hub);
    if (services.config.isFaultInjectionEnabled) await faultRoutes(scope, services);
  });
  return app;
}
