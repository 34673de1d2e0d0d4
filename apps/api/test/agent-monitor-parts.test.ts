import type { AgentStreamMessage } from '@syncsafe/contracts';
import type { Database } from '@syncsafe/db';
import { createServer, createTestDatabase } from '@syncsafe/db/testing';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MessageQueue } from '../src/services/monitoring/message-queue.ts';
import { ProgressRecorder } from '../src/services/monitoring/progress-recorder.ts';
import { ServerHealth } from '../src/services/monitoring/server-health.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());
afterEach(() => {
  vi.useRealTimers();
});

/** Only the clock moves: the database and its timers run as they do. */
function clockAt(ms: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(ms);
  return (byMs: number) => vi.setSystemTime(Date.now() + byMs);
}

const eventsOf = (type: string) => db.prisma.event.count({ where: { type } });

let jobCount = 0;
async function job() {
  jobCount += 1;
  const [source, target] = [await createServer(db.prisma), await createServer(db.prisma)];
  return db.prisma.job.create({
    data: { name: `Monitored job ${jobCount}`, type: 'files_and_folders', sourceServerId: source.id, targetServerId: target.id, state: 'protecting', options: {} },
  });
}

describe('ServerHealth', () => {
  it('writes online once, then Last seen at most every 5 s, from what it wrote rather than the row', async () => {
    const advance = clockAt(Date.parse('2026-11-20T10:00:00Z'));
    const health = new ServerHealth(db.prisma);
    const server = await createServer(db.prisma);
    const before = await eventsOf('server.health');
    await health.heard(server.id);
    expect(await db.prisma.server.findUniqueOrThrow({ where: { id: server.id } })).toMatchObject({ status: 'online', lastSeenAt: new Date() });
    expect(await eventsOf('server.health')).toBe(before + 1);

    // Whatever the row says now, a heartbeat 5 s after the last write reads and writes nothing.
    await db.prisma.server.update({ where: { id: server.id }, data: { status: 'unknown' } });
    advance(5000);
    await health.heard(server.id);
    expect(await eventsOf('server.health')).toBe(before + 1);
    advance(1);
    await health.heard(server.id);
    expect(await db.prisma.server.findUniqueOrThrow({ where: { id: server.id } })).toMatchObject({ status: 'online', lastSeenAt: new Date() });
    expect(await eventsOf('server.health')).toBe(before + 2);
  });

  it('marks offline a server not heard for 10 s, and online again at its next heartbeat', async () => {
    clockAt(Date.parse('2026-11-20T11:00:00Z'));
    const health = new ServerHealth(db.prisma);
    const server = await createServer(db.prisma);
    await health.heard(server.id);
    const heardAt = Date.now();
    await health.markOffline((id) => (id === server.id ? heardAt : Date.now()));
    expect((await db.prisma.server.findUniqueOrThrow({ where: { id: server.id } })).status).toBe('online');
    vi.setSystemTime(heardAt + 10_001);
    await health.markOffline((id) => (id === server.id ? heardAt : Date.now()));
    expect((await db.prisma.server.findUniqueOrThrow({ where: { id: server.id } })).status).toBe('offline');
    await health.heard(server.id);
    expect((await db.prisma.server.findUniqueOrThrow({ where: { id: server.id } })).status).toBe('online');
  });

  it('takes a heartbeat of a deleted server as nothing to write', async () => {
    const advance = clockAt(Date.parse('2026-11-20T12:00:00Z'));
    const health = new ServerHealth(db.prisma);
    const server = await createServer(db.prisma);
    await health.heard(server.id);
    await db.prisma.server.delete({ where: { id: server.id } });
    advance(6000);
    await expect(health.heard(server.id)).resolves.toBeUndefined();
    await expect(health.heard(server.id)).resolves.toBeUndefined();
  });
});

describe('ProgressRecorder', () => {
  it('writes only what changed since its last write, and nothing for a report it already wrote', async () => {
    const advance = clockAt(Date.parse('2026-11-20T13:00:00Z'));
    const recorder = new ProgressRecorder(db.prisma);
    const { id } = await job();
    const updates = () => db.prisma.event.count({ where: { type: 'job.updated', jobId: id } });
    await recorder.record(id, { sentOps: 5n, pendingChanges: 2, activity: 'replicating' });
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ sentOps: 5n, pendingChanges: 2, activity: 'replicating' });
    expect(await updates()).toBe(1);
    advance(1000);
    await recorder.record(id, { sentOps: 5n, pendingChanges: 2, activity: 'replicating' });
    expect(await updates()).toBe(1);
    advance(1000);
    await recorder.record(id, { sentOps: 7n, pendingChanges: 2, activity: 'replicating' });
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id } })).sentOps).toBe(7n);
    expect(await updates()).toBe(2);
  });

  it('keeps the data state written from the agent’s event, so a later report of the old state is written', async () => {
    const advance = clockAt(Date.parse('2026-11-20T14:00:00Z'));
    const recorder = new ProgressRecorder(db.prisma);
    const { id } = await job();
    await recorder.record(id, { targetStatus: 'replicating', targetDataState: 'good', targetDataStateReason: null, targetDataStateDetail: null });
    await recorder.recordDataState({ kind: 'data-state-changed', jobId: id, from: 'good', to: 'bad', reason: 'marked-bad', snapshotId: null }, async () => null);
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ targetDataState: 'bad', targetDataStateReason: 'marked-bad' });
    advance(1000);
    await recorder.record(id, { targetStatus: 'replicating', targetDataState: 'good', targetDataStateReason: null, targetDataStateDetail: null });
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ targetDataState: 'good', targetDataStateReason: null });
  });

  it('forgets a job deleted meanwhile without failing', async () => {
    const advance = clockAt(Date.parse('2026-11-20T15:00:00Z'));
    const recorder = new ProgressRecorder(db.prisma);
    const { id } = await job();
    await recorder.record(id, { sentOps: 1n });
    await db.prisma.job.delete({ where: { id } });
    advance(1000);
    await expect(recorder.record(id, { sentOps: 2n })).resolves.toBeUndefined();
    await expect(recorder.recordDataState({ kind: 'data-state-changed', jobId: id, from: 'good', to: 'bad', reason: null, snapshotId: null }, async () => null)).resolves.toBeUndefined();
  });
});

describe('MessageQueue', () => {
  const log = { warn: () => undefined } as unknown as FastifyBaseLogger;
  const heartbeat = (seq: number): AgentStreamMessage => ({ type: 'heartbeat', seq, sentAt: seq, machineId: 'm', identityName: 'web01', powerState: 'on', networkState: 'connected', jobs: [] });
  const event = (seq: number): AgentStreamMessage => ({ type: 'event', seq, at: seq, event: { kind: 'identity-changed', fromName: 'a', toName: 'b' } });

  /** A handler that records what it was given and finishes each message when told. */
  function heldHandler() {
    const started: string[] = [];
    const finishers: (() => void)[] = [];
    const handle = (serverId: string, _from: null, message: AgentStreamMessage) => {
      started.push(`${serverId}#${message.seq}`);
      return new Promise<void>((resolve) => finishers.push(resolve));
    };
    /** Finishes the message in hand and lets the next one start. */
    const finish = async () => {
      finishers.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { started, handle, finish };
  }

  it('handles one message at a time for all servers, a waiting heartbeat replaced by its server’s newer one', async () => {
    const { started, handle, finish } = heldHandler();
    const queue = new MessageQueue(handle, log);
    queue.enqueue('a', null, heartbeat(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a#1']);
    queue.enqueue('b', null, event(1));
    queue.enqueue('a', null, heartbeat(2));
    queue.enqueue('a', null, heartbeat(3));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a#1']);
    await finish();
    expect(started).toEqual(['a#1', 'b#1']);
    await finish();
    expect(started).toEqual(['a#1', 'b#1', 'a#3']);
    await finish();
    expect(started).toEqual(['a#1', 'b#1', 'a#3']);
  });

  it('stops taking messages, drops those waiting and waits for the one in hand', async () => {
    const { started, handle, finish } = heldHandler();
    const queue = new MessageQueue(handle, log);
    queue.enqueue('a', null, heartbeat(1));
    queue.enqueue('b', null, heartbeat(1));
    await new Promise((resolve) => setImmediate(resolve));
    let isStopped = false;
    const stopped = queue.stop().then(() => (isStopped = true));
    queue.enqueue('c', null, event(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(isStopped).toBe(false);
    await finish();
    await stopped;
    expect(started).toEqual(['a#1']);
  });
});
