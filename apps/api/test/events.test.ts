import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitEvent } from '../src/services/events/emit-event.ts';
import { connectStream, eventsOf, HOST } from './support/stream-client.ts';
import { createTestApp, OWN_ORIGIN, type Caller, type TestApp } from './support/test-app.ts';

let t: TestApp;
let operator: Caller;
beforeAll(async () => {
  t = await createTestApp();
  operator = await t.callerWithRole('operator');
});
afterAll(() => t.close());

const notification = (i: number) => ({
  type: 'notification.updated' as const,
  data: { id: randomUUID(), kind: 'test', jobId: null, message: `event ${i}`, createdAt: new Date().toISOString(), acknowledgedAt: null, acknowledgedByName: null },
});

async function emitMany(from: number, count: number) {
  for (let i = from; i < from + count; i += 1) {
    await t.db.prisma.$transaction((tx) => emitEvent(tx, notification(i)));
  }
}

const connect = (query: string, headers: Record<string, string>) => connectStream(t.app, query, headers);
const open = (query = '') => connect(query, { cookie: operator.cookie, origin: OWN_ORIGIN });

describe('event stream', () => {
  it('replays what a client missed after `since`, then says it caught up', async () => {
    const start = t.app.events.seq;
    await emitMany(0, 5);
    const client = await open(`?since=${start}`);
    const messages = await client.waitFor((m) => m.some((x) => x.kind === 'caught-up'));
    client.ws.terminate();
    expect(eventsOf(messages).map((e) => e.seq)).toEqual([start + 1, start + 2, start + 3, start + 4, start + 5]);
    expect(messages.at(-1)).toEqual({ kind: 'caught-up', seq: start + 5 });
  });

  it('streams new events live', async () => {
    const client = await open();
    await client.waitFor((m) => m.some((x) => x.kind === 'caught-up'));
    await emitMany(100, 3);
    const messages = await client.waitFor((m) => eventsOf(m).length === 3);
    client.ws.terminate();
    expect(eventsOf(messages).map((e) => (e.data as { message: string }).message)).toEqual(['event 100', 'event 101', 'event 102']);
  });

  it('a client that disconnects during a burst and reconnects with its last seq gets every event exactly once, in order', async () => {
    const start = t.app.events.seq;
    const total = 200;
    const first = await open(`?since=${start}`);
    const burst = emitMany(1000, total);
    const received = eventsOf(await first.waitFor((m) => eventsOf(m).length >= 37));
    first.ws.terminate();
    const lastSeq = received.at(-1)!.seq;

    const second = await open(`?since=${lastSeq}`);
    await burst;
    const rest = eventsOf(await second.waitFor((m) => m.some((x) => x.kind === 'event' && x.seq === start + total)));
    const all = [...received, ...rest];
    second.ws.terminate();

    const seqs = all.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => start + 1 + i));
    expect(all.map((e) => (e.data as { message: string }).message)).toEqual(Array.from({ length: total }, (_, i) => `event ${1000 + i}`));
  });

  it('refuses a browser handshake from a foreign origin, and one without a session', async () => {
    await expect(t.app.injectWS('/api/events', { headers: { ...HOST, cookie: operator.cookie, origin: 'https://evil.example' } })).rejects.toThrow(/403/);
    await expect(t.app.injectWS('/api/events', { headers: { ...HOST, origin: OWN_ORIGIN } })).rejects.toThrow(/401/);
  });

  it('accepts a bearer-token client without Origin', async () => {
    const { secret } = (await operator.request({ method: 'POST', url: '/api/tokens', payload: { name: 'stream', role: 'auditor' } })).json();
    const client = await connect('?since=0', { authorization: `Bearer ${secret}` });
    const messages = await client.waitFor((m) => m.some((x) => x.kind === 'caught-up'));
    client.ws.terminate();
    expect(eventsOf(messages).length).toBeGreaterThan(0);
  });
});

describe('event retention', () => {
  it('tells a client whose history was pruned to resync, then streams from the head', async () => {
    await emitMany(5000, 3);
    await t.db.prisma.event.updateMany({ data: { createdAt: new Date(Date.now() - 8 * 86_400_000) } });
    await t.db.prisma.$executeRawUnsafe('DELETE FROM events WHERE seq < (SELECT max(seq) FROM events)');
    const client = await open('?since=1');
    const messages = await client.waitFor((m) => m.some((x) => x.kind === 'caught-up'));
    client.ws.terminate();
    expect(messages[0]).toEqual({ kind: 'resync-required', seq: t.app.events.seq });
  });
});
