import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema, NotificationListResponseSchema, NotificationSchema } from '@syncsafe/contracts';
import { actorOf } from '../../lib/actor.ts';
import { requireRole } from '../../plugins/app/auth.ts';
import { acknowledgeNotification, listNotifications } from '../../services/notifications/notifications.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
const tags = ['notifications'];

/** Notifications (failover condition met, operation failed): everyone reads, operators acknowledge. */
const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notifications',
    { schema: { tags, querystring: z.object({ open: z.enum(['true', 'false']).optional() }), response: { 200: NotificationListResponseSchema, ...errors } } },
    async (request) => listNotifications(app.db.prisma, { isOpen: request.query.open === 'true' }),
  );

  app.post(
    '/api/notifications/:id/acknowledge',
    { preValidation: requireRole('operator'), config: { audit: 'notification.acknowledge' }, schema: { tags, params: z.object({ id: z.uuid('id must be a UUID') }), response: { 200: NotificationSchema, ...errors } } },
    async (request) => acknowledgeNotification(app.db.prisma, actorOf(request), request.params.id),
  );
};

export default notificationRoutes;
