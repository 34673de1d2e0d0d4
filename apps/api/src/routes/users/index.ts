import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateUserRequestSchema, ErrorResponseSchema, UpdateUserRequestSchema, UserListResponseSchema, UserSchema } from '@syncsafe/contracts';
import { actorOf } from '../../lib/actor.ts';
import { requireRole } from '../../plugins/app/auth.ts';
import { createUser, listUsers, updateUser } from '../../services/auth/users.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const IdParams = z.object({ id: z.uuid('id must be a UUID') });

/** User management: admins only. */
const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preValidation', requireRole('admin'));

  app.get('/api/users', { schema: { tags: ['users'], response: { 200: UserListResponseSchema, ...errors } } }, async () => ({
    items: await listUsers(app.db.prisma),
  }));

  app.post(
    '/api/users',
    { config: { audit: 'user.create' }, schema: { tags: ['users'], body: CreateUserRequestSchema, response: { 201: UserSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createUser(app.db.prisma, actorOf(request), request.body)),
  );

  app.patch(
    '/api/users/:id',
    { config: { audit: 'user.update' }, schema: { tags: ['users'], params: IdParams, body: UpdateUserRequestSchema, response: { 200: UserSchema, ...errors } } },
    async (request) => updateUser(app.db.prisma, actorOf(request), request.params.id, request.body),
  );
};

export default userRoutes;
