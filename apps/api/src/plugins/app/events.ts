import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { EventPump } from '../../services/events/event-pump.ts';

declare module 'fastify' {
  interface FastifyInstance {
    events: EventPump;
  }
}

/** The process's reader of the event outbox; stream connections and monitors subscribe to it. */
export default fp(async function events(app: FastifyInstance) {
  const pump = new EventPump(app.db);
  app.decorate('events', pump);
  app.addHook('onReady', () => pump.start());
  app.addHook('preClose', () => pump.stop());
});
