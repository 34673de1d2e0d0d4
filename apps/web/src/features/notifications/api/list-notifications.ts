import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Notification } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';

export function listNotifications(isOpenOnly: boolean, signal?: AbortSignal): Promise<{ items: Notification[] }> {
  return apiGet<{ items: Notification[] }>(paths.api.notifications(isOpenOnly ? { open: 'true' } : {}), signal);
}

export const notificationsQueryKey = ['notifications'] as const;

/** Newest first. Open ones feed the banner every page shows; the stream keeps both lists current. */
export const notificationsQueryOptions = (isOpenOnly: boolean) =>
  queryOptions({
    queryKey: [...notificationsQueryKey, { isOpenOnly }] as const,
    queryFn: ({ signal }) => listNotifications(isOpenOnly, signal),
    staleTime: Infinity,
  });

export function useNotifications(isOpenOnly: boolean) {
  return useQuery(notificationsQueryOptions(isOpenOnly));
}

/** `notification.updated`: a new one goes first; an acknowledged one leaves the open list. */
export function applyNotificationEvent(queryClient: QueryClient, notification: Notification): void {
  for (const isOpenOnly of [true, false]) {
    queryClient.setQueryData<{ items: Notification[] }>(notificationsQueryOptions(isOpenOnly).queryKey, (list) => {
      if (!list) return list;
      const belongs = !isOpenOnly || notification.acknowledgedAt === null;
      const index = list.items.findIndex((n) => n.id === notification.id);
      if (index === -1) return belongs ? { items: [notification, ...list.items] } : list;
      if (!belongs) return { items: list.items.filter((n) => n.id !== notification.id) };
      const items = [...list.items];
      items[index] = notification;
      return { items };
    });
  }
}
