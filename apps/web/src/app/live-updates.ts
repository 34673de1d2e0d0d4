import { useEffect, useSyncExternalStore } from 'react';
import { notifyManager, type QueryClient } from '@tanstack/react-query';
import type { Job, StreamEvent } from '@syncsafe/contracts';
import { EventStream, eventStreamUrl, type StreamStatus } from '../lib/event-stream.ts';
import { meQueryKey } from '../features/auth/api/get-me.ts';
import { jobsQueryKey } from '../features/jobs/api/list-jobs.ts';
import { allJobActionsQueryKey } from '../features/jobs/api/get-job-actions.ts';
import { applyChecklistEvent, applyJobEvents, applyOperationEvent, applySnapshotEvent, reapplyRecentJobEvents } from '../features/jobs/api/job-cache.ts';
import { applyNotificationEvent, notificationsQueryKey } from '../features/notifications/api/list-notifications.ts';
import { applyServerHealth } from '../features/servers/api/server-cache.ts';
import { serversQueryKey } from '../features/servers/api/list-servers.ts';
import { queryClient } from './query-client.ts';

/** What the stream keeps current; refetched when it may have missed events. */
const STREAMED_KEYS = [jobsQueryKey, notificationsQueryKey, serversQueryKey] as const;

/** Data that arrived this soon after the stream opened may have been read before it: refetch it too. */
const FIRST_CONNECTION_MARGIN_MS = 500;

/** One burst of events, in seq order, into the caches; observers re-render once for the whole burst. */
export function applyStreamEvents(client: QueryClient, events: StreamEvent[]): void {
  notifyManager.batch(() => {
    const jobs = new Map<string, Job | null>();
    let isServerHealthChanged = false;
    for (const event of events) {
      switch (event.type) {
        case 'job.updated':
          jobs.set(event.data.id, event.data);
          break;
        case 'job.deleted':
          jobs.set(event.data.id, null);
          break;
        case 'operation.updated':
          applyOperationEvent(client, event.data);
          break;
        case 'snapshot.updated':
          applySnapshotEvent(client, event.data.jobId, event.data);
          break;
        case 'snapshot.deleted':
          applySnapshotEvent(client, event.data.jobId, { id: event.data.id, isDeleted: true });
          break;
        case 'notification.updated':
          applyNotificationEvent(client, event.data);
          break;
        case 'checklist.updated': {
          const { jobId, ...tick } = event.data;
          applyChecklistEvent(client, jobId, tick);
          break;
        }
        case 'server.health':
          applyServerHealth(client, event.data);
          isServerHealthChanged = true;
          break;
      }
    }
    if (jobs.size > 0) applyJobEvents(client, jobs);
    // Reverse's preconditions and the restore checklist's reachability follow server health.
    if (isServerHealthChanged) void client.invalidateQueries({ queryKey: allJobActionsQueryKey });
  });
}

export function refetchStreamedData(client: QueryClient, olderThan?: number): void {
  for (const queryKey of STREAMED_KEYS) {
    void client.invalidateQueries({ queryKey, predicate: (query) => olderThan === undefined || query.state.dataUpdatedAt < olderThan });
  }
}

/**
 * A read of a job or a job list that lands after an event it predates would put the older state back:
 * each read that lands gets the recent job events applied again. Returns the unsubscribe.
 */
export function keepReadsBehindEvents(client: QueryClient): () => void {
  return client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual) return;
    const key = event.query.queryKey;
    if (key[0] === jobsQueryKey[0] && (key[1] === 'list' || key[1] === 'detail')) reapplyRecentJobEvents(client, key);
  });
}

let stream: EventStream | null = null;

function getStream(): EventStream {
  if (!stream) keepReadsBehindEvents(queryClient);
  stream ??= new EventStream({
    url: (since) => eventStreamUrl(window.location, since),
    onEvents: (events) => applyStreamEvents(queryClient, events),
    onResync: (reason, openedAt) => refetchStreamedData(queryClient, reason === 'first-connection' ? openedAt + FIRST_CONNECTION_MARGIN_MS : undefined),
    // A handshake refused may mean the session ended: asking who we are sends a signed-out user to the login page.
    onConnectFailed: () => void queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
  return stream;
}

/** Keeps the stream open while the signed-in layout is shown. */
export function useEventStream(): void {
  useEffect(() => {
    const current = getStream();
    current.start();
    return () => current.stop();
  }, []);
}

export function useStreamStatus(): StreamStatus {
  const current = getStream();
  return useSyncExternalStore(current.subscribe, current.getStatus);
}
