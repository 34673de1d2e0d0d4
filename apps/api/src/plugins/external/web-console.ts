import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built console (apps/web/dist). Unknown non-API GETs get index.html so client routes
 * survive a reload; unknown /api paths stay JSON 404s.
 */
export default fp(async function webConsole(app: FastifyInstance, opts: { root: string }) {
  const hasBuild = existsSync(join(opts.root, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, { root: opts.root, wildcard: false, index: 'index.html' });
  } else {
    app.log.warn({ root: opts.root }, 'console not built; run `pnpm build` to serve it');
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const isApi = path === '/api' || path.startsWith('/api/');
    if (hasBuild && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${path}` } });
  });
});
