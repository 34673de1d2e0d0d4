import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Notification, Operation, Server, StreamEvent } from '@syncsafe/contracts';
import { makeOperation } from '../test/factories.ts';
import { applyStreamEvents } from './live-updates.ts';

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
    client.setQueryData(['notifications', { isOpenOnly: true }], { items: [] });
    client.setQueryData(['notifications', { isOpenOnly: false }], { items: [] });
    applyStreamEvents(client, [event(1, { type: 'notification.updated', data: notification() })]);
    expect(client.getQueryData<{ items: Notification[] }>(['notifications', { isOpenOnly: true }])!.items).toHaveLength(1);

    applyStreamEvents(client, [event(2, { type: 'notification.updated', data: notification({ acknowledgedAt: at, acknowledgedByName: 'admin' }) })]);
    expect(client.getQueryData<{ items: Notification[] }>(['notifications', { isOpenOnly: true }])!.items).toEqual([]);
    expect(client.getQueryData<{ items: Notification[] }>(['notifications', { isOpenOnly: false }])!.items[0]!.acknowledgedByName).toBe('admin');
  });

  it('replaces an operation as its steps progress, and puts a new one first', () => {
    const client = new QueryClient();
    const running = makeOperation({ status: 'running' });
    client.setQueryData(['jobs', 'operations', running.jobId], { items: [running] });
    const done = { ...running, status: 'succeeded' as const };
    const next = makeOperation({ jobId: running.jobId, kind: 'restore' });
    applyStreamEvents(client, [event(1, { type: 'operation.updated', data: done }), event(2, { type: 'operation.updated', data: next })]);
    const items = client.getQueryData<{ items: Operation[] }>(['jobs', 'operations', running.jobId])!.items;
    expect(items.map((o) => [o.kind, o.status])).toEqual([
      ['restore', 'running'],
      ['failover', 'succeeded'],
    ]);
  });

  it('patches a server’s health where it is shown, and asks the open dialogs’ actions again', () => {
    const client = new QueryClient();
    const server = { id: '00000000-0000-4000-8000-00000000bbbb', name: 'files01', status: 'offline', lastSeenAt: null } as unknown as Server;
    client.setQueryData(['servers', 'detail', server.id], server);
    client.setQueryData(['jobs', 'actions', 'x'], { state: 'failed-over' });
    applyStreamEvents(client, [event(1, { type: 'server.health', data: { id: server.id, status: 'online', lastSeenAt: at } })]);
    expect(client.getQueryData<Server>(['servers', 'detail', server.id])!.status).toBe('online');
    expect(client.getQueryState(['jobs', 'actions', 'x'])!.isInvalidated).toBe(true);
  });
});
