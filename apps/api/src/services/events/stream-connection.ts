import type { StreamEvent, StreamMessage } from '@syncsafe/contracts';
import type { Database } from '@syncsafe/db';
import type { WebSocket } from 'ws';
import { readEventsAfter, type EventPump } from './event-pump.ts';

/** A client this far behind is cut off; it reconnects with its last seq and catches up from the outbox. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * Serves one stream client: subscribe first (buffering), replay the outbox after `since`, then drain
 * the buffer and go live. Every event is sent exactly once, in seq order, whatever arrives meanwhile.
 */
export async function serveStream(socket: WebSocket, db: Database, pump: EventPump, since: number | undefined) {
  let lastSent = since ?? pump.seq;
  let buffer: StreamEvent[] | null = [];
  const send = (message: StreamMessage) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.close(4008, 'too far behind; reconnect with your last seq');
      return;
    }
    socket.send(JSON.stringify(message));
  };
  const deliver = (event: StreamEvent) => {
    if (event.seq <= lastSent) return;
    lastSent = event.seq;
    send({ kind: 'event', ...event });
  };
  const unsubscribe = pump.subscribe((event) => (buffer ? buffer.push(event) : deliver(event)));
  socket.on('close', unsubscribe);

  if (since !== undefined) {
    const oldest = await db.prisma.event.findFirst({ orderBy: { seq: 'asc' }, select: { seq: true } });
    if (oldest && Number(oldest.seq) > since + 1) {
      // History after `since` was pruned: the client must reload, then resume from the head.
      lastSent = pump.seq;
      send({ kind: 'resync-required', seq: lastSent });
    }
    for (;;) {
      const events = await readEventsAfter(db, lastSent);
      events.forEach(deliver);
      if (events.length === 0) break;
    }
  }
  const pending = buffer;
  buffer = null;
  pending.forEach(deliver);
  send({ kind: 'caught-up', seq: lastSent });
}
