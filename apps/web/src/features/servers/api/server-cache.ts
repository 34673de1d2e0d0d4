import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Server, ServerStatus } from '@syncsafe/contracts';
import { serverQueryKey } from './get-server.ts';
import { serversQueryKey, type ServerListPage } from './list-servers.ts';

export interface ServerHealth {
  id: string;
  status: ServerStatus;
  lastSeenAt: string | null;
}

/** `server.health`: the server's status badge, on its page and in the list, without a refetch. */
export function applyServerHealth(queryClient: QueryClient, health: ServerHealth): void {
  const patch = (server: Server): Server => (server.id === health.id ? { ...server, status: health.status, lastSeenAt: health.lastSeenAt } : server);
  queryClient.setQueryData<Server>(serverQueryKey(health.id), (server) => (server ? patch(server) : server));
  queryClient.setQueriesData<InfiniteData<ServerListPage>>({ queryKey: [...serversQueryKey, 'list'] }, (list) =>
    list && list.pages.some((page) => page.items.some((s) => s.id === health.id))
      ? { ...list, pages: list.pages.map((page) => ({ ...page, items: page.items.map(patch) })) }
      : list,
  );
}
