import type { FastifyInstance } from 'fastify';
import type { HeartbeatHub } from '../../events/heartbeat-hub.ts';

/** `GET /v1/heartbeats` (WebSocket): heartbeats and agent events, JSON text messages. */
export async function heartbeatRoutes(app: FastifyInstance, hub: HeartbeatHub): Promise<void> {
  app.get('/v1/heartbeats', { websocket: true }, (socket) => {
    const unsubscribe = hub.subscribe((message) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    });
    socket.on('close', unsubscribe);
    socket.on('error', unsubscribe);
  });
}
