import type { StreamMessage } from '@syncsafe/contracts';
import type { FastifyInstance } from 'fastify';
import type WebSocket from 'ws';

/** A client of `/api/events` that records every message from the first byte (the replay starts at once). */
export interface StreamClient {
  ws: WebSocket;
  messages: StreamMessage[];
  /** Resolves once `until` holds for the messages so far. */
  waitFor(until: (messages: StreamMessage[]) => boolean): Promise<StreamMessage[]>;
}

export type EventMessage = Extract<StreamMessage, { kind: 'event' }>;

/** The Host a handshake sends: the console's own origin (OWN_ORIGIN). */
export const HOST = { host: 'localhost:80' };

export async function connectStream(app: FastifyInstance, query: string, headers: Record<string, string>): Promise<StreamClient> {
  const messages: StreamMessage[] = [];
  const waiters = new Set<() => void>();
  const ws = await app.injectWS(`/api/events${query}`, { headers: { ...HOST, ...headers } }, {
    onInit: (socket) => {
      socket.on('message', (raw) => {
        messages.push(JSON.parse(String(raw)) as StreamMessage);
        waiters.forEach((w) => w());
      });
    },
  });
  return {
    ws,
    messages,
    waitFor: (until) =>
      new Promise((resolve) => {
        const check = () => {
          if (until(messages)) {
            waiters.delete(check);
            resolve([...messages]);
          }
        };
        waiters.add(check);
        check();
      }),
  };
}

export const eventsOf = (messages: StreamMessage[]) => messages.filter((m): m is EventMessage => m.kind === 'event');
