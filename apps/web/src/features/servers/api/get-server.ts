import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Server } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { serversQueryKey } from './list-servers.ts';

export function getServer(serverId: string, signal?: AbortSignal): Promise<Server> {
  return apiGet<Server>(paths.api.server(serverId), signal);
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
