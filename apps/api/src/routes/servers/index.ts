import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddLicenseRequestSchema,
  CreateServerRequestSchema,
  ErrorResponseSchema,
  LicenseKeySchema,
  ServerDetailSchema,
  ServerListQuerySchema,
  ServerListResponseSchema,
  ServerSchema,
  UpdateServerRequestSchema,
} from '@syncsafe/contracts';
import { actorOf } from '../../lib/actor.ts';
import { requireRole } from '../../plugins/app/auth.ts';
import { addLicense, createServer, deleteServer, getServer, listServers, removeLicense, updateServer } from '../../services/servers/servers.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const IdParams = z.object({ id: z.uuid('id must be a UUID') });
const LicenseParams = IdParams.extend({ key: LicenseKeySchema });
const admin = requireRole('admin');
const tags = ['servers'];

/** Servers: everyone signed in reads; admins add, edit, delete and license. */
const serverRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma } = app.db;

  app.get('/api/servers', { schema: { tags, querystring: ServerListQuerySchema, response: { 200: ServerListResponseSchema, ...errors } } }, async (request) =>
    listServers(prisma, request.query),
  );

  app.get('/api/servers/:id', { schema: { tags, params: IdParams, response: { 200: ServerDetailSchema, ...errors } } }, async (request) =>
    getServer(prisma, request.params.id),
  );

  app.post(
    '/api/servers',
    { preValidation: admin, config: { audit: 'server.create' }, schema: { tags, body: CreateServerRequestSchema, response: { 201: ServerSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createServer(prisma, app.secretBox, actorOf(request), request.body)),
  );

  app.patch(
    '/api/servers/:id',
    {
      preValidation: admin,
      config: { audit: 'server.update' },
      schema: { tags, params: IdParams, body: UpdateServerRequestSchema, response: { 200: ServerSchema, ...errors } },
    },
    async (request) => updateServer(prisma, app.secretBox, actorOf(request), request.params.id, request.body, (move) => app.repointer.follow(move)),
  );

  app.delete(
    '/api/servers/:id',
    { preValidation: admin, config: { audit: 'server.delete' }, schema: { tags, params: IdParams, response: { 204: z.undefined(), ...errors } } },
    async (request, reply) => {
      await deleteServer(prisma, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/servers/:id/licenses',
    {
      preValidation: admin,
      config: { audit: 'server.license.add' },
      schema: { tags, params: IdParams, body: AddLicenseRequestSchema, response: { 201: ServerSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await addLicense(prisma, actorOf(request), request.params.id, request.body.key)),
  );

  app.delete(
    '/api/servers/:id/licenses/:key',
    { preValidation: admin, config: { audit: 'server.license.remove' }, schema: { tags, params: LicenseParams, response: { 200: ServerSchema, ...errors } } },
    async (request) => removeLicense(prisma, actorOf(request), request.params.id, request.params.key),
  );
};

export default serverRoutes;
