import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import websocket from '@fastify/websocket';

/** WebSocket support for the event stream; messages are small JSON, so 1 MiB is plenty. */
export default fp(async function websocketSupport(app: FastifyInstance) {
  await app.register(websocket, { options: { maxPayload: 1024 * 1024 } });
});
