import { afterEach, describe, expect, it, vi } from 'vitest';
import { InfiniteQueryObserver, MutationObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import type { ChecklistTick, ChecklistTickRequest, Job, Notification, Operation, Server, StreamEvent } from '@syncsafe/contracts';
import { makeJob, makeOperation } from '../test/factories.ts';
import { jobQueryKey, jobQueryOptions } from '../features/jobs/api/get-job.ts';
import { jobActionsQueryKey } from '../features/jobs/api/get-job-actions.ts';
import { jobOperationsQueryKey } from '../features/jobs/api/list-job-operations.ts';
import { notificationsQueryOptions } from '../features/notifications/api/list-notifications.ts';
import { serverQueryKey } from '../features/servers/api/get-server.ts';
import { jobsListQueryOptions, type JobFilters } from '../features/jobs/api/list-jobs.ts';
import { checklistQueryKey, checklistQueryOptions, type ChecklistState } from '../features/jobs/api/get-checklist.ts';
import { tickChecklistItemMutationOptions } from '../features/jobs/api/tick-checklist-item.ts';
import { applyStreamEvents, keepReadsBehindEvents } from './live-updates.ts';

const jobListsQueryKeyFor = (filters: JobFilters) => jobsListQueryOptions(filters).queryKey;

const at = '2025-01-01T00:00:00.000Z';
const event = (seq: number, body: Omit<StreamEvent, 'seq' | 'at'>) => ({ seq, at, ...body }) as StreamEvent;

const notification = (overrides: Partial<Notification> = {}): Notification => ({
  id: '00000000-0000-4000-8000-00000000aaaa',
  kind: 'failover-condition-met',
  jobId: '00000000-0000-4000-8000-000000000001',
  message: 'Protect files01: the failover condition is met',
  createdAt: at,
  acknowledgedAt: null,
  acknowledgedByName: null,
  ...overrides,
});

describe('applyStreamEvents', () => {
  it('puts a new notification first in the open list, and takes it out once acknowledged', () => {
    const client = new QueryClient();
    client.setQueryData(notificationsQueryOptions(true).queryKey, { items: [] });
    client.setQueryData(notificationsQueryOptions(false).queryKey, { items: [] });
    applyStreamEvents(client, [event(1, { type: 'notification.updated', data: notification() })]);
    expect(client.getQueryData<{ items: Notification[] }>(notificationsQueryOptions(true).queryKey)!.items).toHaveLength(1);

    applyStreamEvents(client, [event(2, { type: 'notification.updated', data: notification({ acknowledgedAt: at, acknowledgedByName: 'admin' }) })]);
    expect(client.getQueryData<{ items: Notification[] }>(notificationsQueryOptions(true).queryKey)!.items).toEqual([]);
    expect(client.getQueryData<{ items: Notification[] }>(notificationsQueryOptions(false).queryKey)!.items[0]!.acknowledgedByName).toBe('admin');
  });

  it('replaces an operation as its steps progress, and puts a new one first', () => {
    const client = new QueryClient();
    const running = makeOperation({ status: 'running' });
    client.setQueryData(jobOperationsQueryKey(running.jobId), { items: [running] });
    const done = { ...running, status: 'succeeded' as const };
    const next = makeOperation({ jobId: running.jobId, kind: 'restore' });
    applyStreamEvents(client, [event(1, { type: 'operation.updated', data: done }), event(2, { type: 'operation.updated', data: next })]);
    const items = client.getQueryData<{ items: Operation[] }>(jobOperationsQueryKey(running.jobId))!.items;
    expect(items.map((o) => [o.kind, o.status])).toEqual([
      ['restore', 'running'],
      ['failover', 'succeeded'],
    ]);
  });

  it('patches a server’s health where it is shown, and asks the open dialogs’ actions again', () => {
    const client = new QueryClient();
    const server = { id: '00000000-0000-4000-8000-00000000bbbb', name: 'files01', status: 'offline', lastSeenAt: null } as unknown as Server;
    client.setQueryData(serverQueryKey(server.id), server);
    client.setQueryData(jobActionsQueryKey('x'), { state: 'failed-over' });
    applyStreamEvents(client, [event(1, { type: 'server.health', data: { id: server.id, status: 'online', lastSeenAt: at } })]);
    expect(client.getQueryData<Server>(serverQueryKey(server.id))!.status).toBe('online');
    expect(client.getQueryState(jobActionsQueryKey('x'))!.isInvalidated).toBe(true);
  });
});

describe('applyStreamEvents: checklist ticks', () => {
  const jobId = '00000000-0000-4000-8000-000000000001';
  const order = 'restore-then-failback';
  const key = checklistQueryKey(jobId);
  const tick = (itemId: string, isChecked: boolean, actorName: string, when = at): ChecklistTick => ({ checklist: order, itemId, isChecked, actorName, at: when });
  const ticked = (seq: number, t: ChecklistTick, forJob = jobId) => event(seq, { type: 'checklist.updated', data: { jobId: forJob, ...t } });
  const shown = (client: QueryClient) => client.getQueryData<ChecklistState>(key)!.items.map((t) => [t.itemId, t.isChecked, t.actorName]);

  /** A fetch whose every answer waits until the test gives it (so a tick can be kept in flight). */
  function stubServer() {
    const requests: Array<{ method: string; url: string; body: unknown; answer: (status: number, body?: unknown) => void }> = [];
    vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
      return new Promise<Response>((resolve) => {
        requests.push({
          method: init.method ?? 'GET',
          url: String(url),
          body: init.body ? JSON.parse(String(init.body)) : undefined,
          answer: (status, body) =>
            resolve(body === undefined ? new Response(null, { status }) : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })),
        });
      });
    });
    return { requests, posts: () => requests.filter((r) => r.method === 'POST'), gets: () => requests.filter((r) => r.method === 'GET') };
  }
  afterEach(() => vi.unstubAllGlobals());

  const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const send = (client: QueryClient, request: ChecklistTickRequest) =>
    new MutationObserver(client, tickChecklistItemMutationOptions(jobId, 'alice')).mutate(request).catch(() => undefined);

  it('puts another console’s tick in its step’s place or adds it, and fetches nothing', () => {
    const client = newClient();
    client.setQueryData<ChecklistState>(key, { items: [tick('rtf-users-off', true, 'bob'), tick('rtf-stop-apps', true, 'bob')] });
    applyStreamEvents(client, [
      ticked(1, tick('rtf-users-off', false, 'carol')),
      ticked(2, tick('rtf-backup', true, 'carol')),
      ticked(3, tick('rtf-users-off', true, 'x'), '00000000-0000-4000-8000-000000000002'),
    ]);
    expect(shown(client)).toEqual([
      ['rtf-users-off', false, 'carol'],
      ['rtf-stop-apps', true, 'bob'],
      ['rtf-backup', true, 'carol'],
    ]);
    expect(client.getQueryState(key)).toMatchObject({ isInvalidated: false, fetchStatus: 'idle' });
    // A job whose checklist no console has open gets no cache entry.
    expect(client.getQueryData(checklistQueryKey('00000000-0000-4000-8000-000000000002'))).toBeUndefined();
  });

  it('one’s own tick, then untick, heard back from the stream: the box never flickers and the step is listed once', async () => {
    const server = stubServer();
    const client = newClient();
    client.setQueryData<ChecklistState>(key, { items: [] });
    const first = send(client, { checklist: order, itemId: 'rtf-users-off', isChecked: true });
    await vi.waitFor(() => expect(server.posts()).toHaveLength(1));
    expect(shown(client)).toEqual([['rtf-users-off', true, 'alice']]);
    const second = send(client, { checklist: order, itemId: 'rtf-users-off', isChecked: false });
    await vi.waitFor(() => expect(server.posts()).toHaveLength(2));
    expect(shown(client)).toEqual([['rtf-users-off', false, 'alice']]);

    // The first click's event comes back while the second is in flight: the untick stays shown.
    applyStreamEvents(client, [ticked(1, tick('rtf-users-off', true, 'alice', '2025-01-01T00:00:01.000Z'))]);
    expect(shown(client)).toEqual([['rtf-users-off', false, 'alice']]);
    server.posts()[0]!.answer(204);
    await first;
    expect(shown(client)).toEqual([['rtf-users-off', false, 'alice']]);
    // Reading now would show the first tick only: the checklist waits for the last tick to end.
    expect(client.getQueryState(key)!.isInvalidated).toBe(false);

    server.posts()[1]!.answer(204);
    await second;
    expect(client.getQueryState(key)!.isInvalidated).toBe(true);
    applyStreamEvents(client, [ticked(2, tick('rtf-users-off', false, 'alice', '2025-01-01T00:00:02.000Z'))]);
    expect(client.getQueryData<ChecklistState>(key)!.items).toEqual([tick('rtf-users-off', false, 'alice', '2025-01-01T00:00:02.000Z')]);
  });

  it('a refused tick puts back only its own step, keeping what another console ticked meanwhile', async () => {
    const server = stubServer();
    const client = newClient();
    client.setQueryData<ChecklistState>(key, { items: [tick('rtf-users-off', false, 'bob')] });
    const sent = send(client, { checklist: order, itemId: 'rtf-users-off', isChecked: true });
    await vi.waitFor(() => expect(server.posts()).toHaveLength(1));
    applyStreamEvents(client, [ticked(1, tick('rtf-backup', true, 'carol'))]);
    server.posts()[0]!.answer(403, { error: { code: 'forbidden', message: 'Operators only.' } });
    await sent;
    expect(shown(client)).toEqual([
      ['rtf-users-off', false, 'bob'],
      ['rtf-backup', true, 'carol'],
    ]);
  });

  it('a tick heard while the checklist is being read asks again, since the answer may predate it', async () => {
    const server = stubServer();
    const client = newClient();
    client.setQueryData<ChecklistState>(key, { items: [] });
    const unsubscribe = new QueryObserver(client, { ...checklistQueryOptions(jobId), staleTime: 0 }).subscribe(() => undefined);
    await vi.waitFor(() => expect(server.gets()).toHaveLength(1));
    applyStreamEvents(client, [ticked(1, tick('rtf-users-off', true, 'carol'))]);
    expect(shown(client)).toEqual([['rtf-users-off', true, 'carol']]);
    await vi.waitFor(() => expect(server.gets()).toHaveLength(2));
    server.gets()[1]!.answer(200, { items: [tick('rtf-users-off', true, 'carol')] });
    await vi.waitFor(() => expect(client.getQueryState(key)!.fetchStatus).toBe('idle'));
    expect(shown(client)).toEqual([['rtf-users-off', true, 'carol']]);
    unsubscribe();
  });
});

describe('reads that predate an event', () => {
  /** Every GET waits until the test answers it. */
  function pendingReads() {
    const answers: Array<(body: unknown) => void> = [];
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => answers.push((body) => resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })))));
    return answers;
  }
  // Each test's QueryClient has recent job events of its own: nothing to forget between tests.
  afterEach(() => vi.unstubAllGlobals());
  const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const protecting = makeJob({ name: 'Protect files01', state: 'protecting', updatedAt: '2025-01-01T00:00:00.000Z' });
  const failedOver = { ...protecting, state: 'failed-over' as const, version: protecting.version + 1, updatedAt: '2025-01-01T00:00:05.000Z' };

  it('a job read answering after a newer event keeps the event’s state', async () => {
    const answers = pendingReads();
    const client = newClient();
    const stop = keepReadsBehindEvents(client);
    const unsubscribe = new QueryObserver(client, jobQueryOptions(protecting.id)).subscribe(() => undefined);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    applyStreamEvents(client, [event(1, { type: 'job.updated', data: failedOver })]);
    answers[0]!(protecting); // read by the server before the failover ended
    await vi.waitFor(() => expect(client.getQueryState(jobQueryKey(protecting.id))!.status).toBe('success'));
    expect(client.getQueryData<Job>(jobQueryKey(protecting.id))!.state).toBe('failed-over');
    unsubscribe();
    stop();
  });

  it('a list read answering after events keeps the update, the new job and the deletion', async () => {
    const answers = pendingReads();
    const client = newClient();
    const stop = keepReadsBehindEvents(client);
    const gone = makeJob({ name: 'Protect old' });
    const created = makeJob({ name: 'Protect new' });
    const unsubscribe = new InfiniteQueryObserver(client, jobsListQueryOptions({})).subscribe(() => undefined);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    applyStreamEvents(client, [
      event(1, { type: 'job.updated', data: failedOver }),
      event(2, { type: 'job.updated', data: created }),
      event(3, { type: 'job.deleted', data: { id: gone.id } }),
    ]);
    answers[0]!({ items: [protecting, gone], nextCursor: null, total: 2 });
    await vi.waitFor(() => expect(client.getQueryState(jobListsQueryKeyFor({}))!.status).toBe('success'));
    const page = client.getQueryData<{ pages: Array<{ items: Job[]; total: number }> }>(jobListsQueryKeyFor({}))!.pages[0]!;
    expect(page.items.map((j) => [j.name, j.state])).toEqual([
      ['Protect files01', 'failed-over'],
      ['Protect new', created.state],
    ]);
    expect(page.total).toBe(2);
    unsubscribe();
    stop();
  });

  it('a read that already holds the newer state is left as it is', async () => {
    const answers = pendingReads();
    const client = newClient();
    const stop = keepReadsBehindEvents(client);
    const unsubscribe = new QueryObserver(client, jobQueryOptions(protecting.id)).subscribe(() => undefined);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    applyStreamEvents(client, [event(1, { type: 'job.updated', data: protecting })]);
    answers[0]!(failedOver);
    await vi.waitFor(() => expect(client.getQueryState(jobQueryKey(protecting.id))!.status).toBe('success'));
    expect(client.getQueryData<Job>(jobQueryKey(protecting.id))).toEqual(failedOver);
    unsubscribe();
    stop();
  });
});
