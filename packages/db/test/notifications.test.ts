import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/index.ts';
import { createTestDatabase } from '../src/testing/index.ts';

/** Notifications are delivered asynchronously after commit: wait until one arrives or give up. */
async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a notification');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('listen and notify', () => {
  let db: Database;
  beforeEach(async () => {
    db = await createTestDatabase();
    return () => db.close();
  });

  it('delivers a payload to every listener of the channel', async () => {
    const first: string[] = [];
    const second: string[] = [];
    await db.listen('job_events', (payload) => first.push(payload));
    await db.listen('job_events', (payload) => second.push(payload));

    await db.notify('job_events', '{"jobId":"1"}');

    await waitFor(() => first.length === 1 && second.length === 1);
    expect(first).toEqual(['{"jobId":"1"}']);
    expect(second).toEqual(['{"jobId":"1"}']);
  });

  it('delivers a notification sent inside a transaction only after commit', async () => {
    const received: string[] = [];
    await db.listen('job_events', (payload) => received.push(payload));

    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_notify('job_events', 'committed')`;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received).toEqual([]);
    });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_notify('job_events', 'rolled back')`;
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');

    await waitFor(() => received.length > 0);
    await db.notify('job_events', 'marker');
    await waitFor(() => received.includes('marker'));
    expect(received).toEqual(['committed', 'marker']);
  });

  it('stops delivering after unlisten, and keeps other channels', async () => {
    const jobs: string[] = [];
    const servers: string[] = [];
    const unlisten = await db.listen('job_events', (payload) => jobs.push(payload));
    await db.listen('server_events', (payload) => servers.push(payload));

    await unlisten();
    await db.notify('job_events', 'missed');
    await db.notify('server_events', 'seen');

    await waitFor(() => servers.length === 1);
    expect(jobs).toEqual([]);
  });

  it('refuses channel names the two backends would read differently', async () => {
    await expect(db.listen('Job-Events', () => {})).rejects.toThrow(/channel name/);
    await expect(db.notify('job events')).rejects.toThrow(/channel name/);
  });
});
