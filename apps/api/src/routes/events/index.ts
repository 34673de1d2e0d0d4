import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/app-error.ts';
import { ownOrigin } from '../../plugins/app/auth.ts';
import { serveStream } from '../../services/events/stream-connection.ts';

const EventsQuerySchema = z.object({ since: z.coerce.number().int().min(0, 'since is a seq (0 or more)').optional() });

/**
 * The live stream. A browser's handshake must come from the console's own origin (cross-site
 * WebSocket hijacking); a bearer-token client sends no Origin.
 */
const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/events',
    {
      websocket: true,
      schema: { hide: true, querystring: EventsQuerySchema },
      preValidation: async (request) => {
        const origin = request.headers.origin;
        const allowed = [ownOrigin(request), ...app.config.allowedOrigins];
        if (request.principal?.via === 'session' && (!origin || !allowed.includes(origin))) {
          throw new AppError('csrf_rejected', `The event stream does not accept connections from origin ${origin ?? '(none)'}`);
        }
      },
    },
    (socket, request) => {
      serveStream(socket, app.db, app.events, request.query.since).catch((err: unknown) => {
        request.log.error({ err }, 'event stream failed');
        socket.close(1011, 'stream error');
      });
    },
  );
};

export default eventRoutes;
