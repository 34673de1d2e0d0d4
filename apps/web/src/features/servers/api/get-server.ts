import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Server, ServerDetail } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { serversQueryKey } from './list-servers.ts';

export function getServer(serverId: string, signal?: AbortSignal): Promise<ServerDetail> {
  return apiGet<ServerDetail>(paths.api.server(serverId), signal);
}

export const serverQueryKey = (serverId: string) => [...serversQueryKey, 'detail', serverId] as const;

export const serverQueryOptions = (serverId: string) =>
  queryOptions({
    queryKey: serverQueryKey(serverId),
    queryFn: ({ signal }) => getServer(serverId, signal),
  });

export function useServer(serverId: string) {
  return useQuery(serverQueryOptions(serverId));
}

/** A change's answer (a Server, without what was learned from the agent) over the cached details. */
export function setServerDetail(queryClient: QueryClient, server: Server): void {
  queryClient.setQueryData<ServerDetail>(serverQueryKey(server.id), (previous) => (previous ? { ...previous, ...server } : undefined));
}
