import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The OpenAPI document, public: it describes the API, not its data. */
export const openapiRoute: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};

/** Prometheus scrape: any signed-in role (a scraper uses an auditor API token). */
export const metricsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(app.metrics.contentType).send(await app.metrics.metrics()),
  );
};
