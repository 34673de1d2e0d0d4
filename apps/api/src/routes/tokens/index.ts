import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenListResponseSchema,
  ApiTokenSchema,
  CreateApiTokenRequestSchema,
  CreateApiTokenResponseSchema,
  ErrorResponseSchema,
} from '@syncsafe/contracts';
import { actorOf } from '../../lib/actor.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/auth/api-tokens.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
const IdParams = z.object({ id: z.uuid('id must be a UUID') });

/**
 * Each user's own API tokens, whatever the role: a token is the user's credential, not console state,
 * and it can never do more than its creator (an auditor's token stays read-only).
 */
const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/tokens', { schema: { tags: ['tokens'], response: { 200: ApiTokenListResponseSchema, ...errors } } }, async (request) => ({
    items: await listApiTokens(app.db.prisma, request.principal!),
  }));

  app.post(
    '/api/tokens',
    { config: { audit: 'token.create' }, schema: { tags: ['tokens'], body: CreateApiTokenRequestSchema, response: { 201: CreateApiTokenResponseSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createApiToken(app.db.prisma, request.principal!, actorOf(request), request.body)),
  );

  app.delete(
    '/api/tokens/:id',
    { config: { audit: 'token.revoke' }, schema: { tags: ['tokens'], params: IdParams, response: { 200: ApiTokenSchema, ...errors } } },
    async (request) => revokeApiToken(app.db.prisma, request.principal!, actorOf(request), request.params.id),
  );
};

export default tokenRoutes;
