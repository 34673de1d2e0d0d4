import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponseSchema, ReadyResponseSchema } from '@syncsafe/contracts';

/** Liveness and readiness, public: load balancers and orchestrators call them without credentials. */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/healthz', { schema: { tags: ['health'], response: { 200: HealthResponseSchema } } }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', { schema: { tags: ['health'], response: { 200: ReadyResponseSchema, 503: ReadyResponseSchema } } }, async (_request, reply) => {
    const database = await app.db.prisma.$queryRaw`SELECT 1`.then(
      () => 'ok' as const,
      () => 'failing' as const,
    );
    const isReady = database === 'ok';
    return reply.status(isReady ? 200 : 503).send({ status: isReady ? 'ready' : 'not_ready', checks: { database } });
  });
};

export default healthRoutes;
