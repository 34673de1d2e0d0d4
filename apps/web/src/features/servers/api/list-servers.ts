import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Server } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';

export interface ServerListPage {
  items: Server[];
  nextCursor: string | null;
}

const PAGE_SIZE = 100;

export function listServers(params: { q?: string; cursor?: string }, signal?: AbortSignal): Promise<ServerListPage> {
  return apiGet<ServerListPage>(paths.api.servers({ q: params.q, cursor: params.cursor, limit: PAGE_SIZE }), signal);
}

export const serversQueryKey = ['servers'] as const;

export const serversQueryOptions = (q = '') =>
  infiniteQueryOptions({
    queryKey: [...serversQueryKey, 'list', { q }] as const,
    queryFn: ({ pageParam, signal }) => listServers({ q: q || undefined, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function useServers(q: string) {
  return useInfiniteQuery(serversQueryOptions(q));
}
