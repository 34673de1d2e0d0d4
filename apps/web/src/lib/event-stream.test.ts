import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '@syncsafe/contracts';
import { EventStream, eventStreamUrl, type SocketLike } from './event-stream.ts';

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  isClosed = false;
  constructor(readonly url: string) {}
  open() {
    this.onopen?.({});
  }
  send(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.onclose?.({ code });
  }
  close() {
    this.isClosed = true;
  }
}

const event = (seq: number, id = `job-${seq}`) => ({ kind: 'event', seq, at: '2025-01-01T00:00:00.000Z', type: 'job.deleted', data: { id } });

function setup() {
  const sockets: FakeSocket[] = [];
  const batches: StreamEvent[][] = [];
  const resyncs: string[] = [];
  const failures: number[] = [];
  const stream = new EventStream({
    url: (since) => `ws://console/api/events${since === null ? '' : `?since=${since}`}`,
    onEvents: (events) => batches.push(events),
    onResync: (reason) => resyncs.push(reason),
    onConnectFailed: () => failures.push(1),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    retryDelayMs: () => 1000,
    batchWindowMs: 50,
  });
  return { stream, sockets, batches, resyncs, failures, last: () => sockets[sockets.length - 1]! };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('EventStream', () => {
  it('is live once caught up, and hands a burst of events over as one batch in seq order', () => {
    const { stream, last, batches, resyncs } = setup();
    stream.start();
    expect(stream.getStatus()).toBe('connecting');
    last().open();
    last().send({ kind: 'caught-up', seq: 10 });
    expect(stream.getStatus()).toBe('live');
    expect(resyncs).toEqual(['first-connection']);

    last().send(event(11));
    last().send(event(12));
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(50);
    expect(batches.map((b) => b.map((e) => e.seq))).toEqual([[11, 12]]);
    expect(batches[0]![0]).not.toHaveProperty('kind');
  });

  it('reconnects with the last seq it saw, shows Reconnecting… meanwhile, and ignores replayed duplicates', () => {
    const { stream, sockets, last, batches, resyncs } = setup();
    const statuses: string[] = [];
    stream.subscribe((s) => statuses.push(s));
    stream.start();
    last().open();
    last().send({ kind: 'caught-up', seq: 3 });
    last().send(event(4));
    last().drop();
    expect(stream.getStatus()).toBe('reconnecting');
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
    expect(last().url).toBe('ws://console/api/events?since=4');

    last().open();
    last().send(event(4));
    last().send(event(5));
    last().send({ kind: 'caught-up', seq: 5 });
    vi.advanceTimersByTime(50);
    expect(batches.flat().map((e) => e.seq)).toEqual([4, 5]);
    expect(statuses).toEqual(['live', 'reconnecting', 'live']);
    // Only the very first connection could have missed events; a resume replays them.
    expect(resyncs).toEqual(['first-connection']);
  });

  it('asks for a refetch when the server no longer has the history after our seq', () => {
    const { stream, last, resyncs } = setup();
    stream.start();
    last().open();
    last().send({ kind: 'caught-up', seq: 1 });
    last().drop();
    vi.advanceTimersByTime(1000);
    last().open();
    last().send({ kind: 'resync-required', seq: 900 });
    last().send({ kind: 'caught-up', seq: 900 });
    expect(resyncs).toEqual(['first-connection', 'resync-required']);
    last().drop();
    vi.advanceTimersByTime(1000);
    expect(last().url).toBe('ws://console/api/events?since=900');
  });

  it('reports a connection that never opened (the session may be over) and keeps retrying', () => {
    const { stream, sockets, last, failures } = setup();
    stream.start();
    last().drop();
    expect(failures).toHaveLength(1);
    expect(stream.getStatus()).toBe('reconnecting');
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
  });

  it('stops for good: closes the socket and does not reconnect', () => {
    const { stream, sockets, last } = setup();
    stream.start();
    last().open();
    stream.stop();
    expect(sockets[0]!.isClosed).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('eventStreamUrl', () => {
  it('uses the page origin, wss under https, and the seq to resume from', () => {
    expect(eventStreamUrl({ protocol: 'https:', host: 'console.example:8443' }, 42)).toBe('wss://console.example:8443/api/events?since=42');
    expect(eventStreamUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, null)).toBe('ws://127.0.0.1:8080/api/events');
  });
});
