import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Server, UpdateServerRequest } from '@syncsafe/contracts';
import { apiPatch } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { setServerDetail } from './get-server.ts';
import { serversQueryKey } from './list-servers.ts';

export function updateServer(serverId: string, request: UpdateServerRequest): Promise<Server> {
  return apiPatch<Server>(paths.api.server(serverId), request);
}

export function useUpdateServer(serverId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateServerRequest) => updateServer(serverId, request),
    onSuccess: (server) => {
      setServerDetail(queryClient, server);
      return queryClient.invalidateQueries({ queryKey: serversQueryKey });
    },
  });
}
