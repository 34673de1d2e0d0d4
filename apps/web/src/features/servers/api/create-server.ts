import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateServerRequest, Server } from '@syncsafe/contracts';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { serversQueryKey } from './list-servers.ts';

export function createServer(request: CreateServerRequest): Promise<Server> {
  return apiPost<Server>(paths.api.servers(), request);
}

export function useCreateServer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createServer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serversQueryKey }),
  });
}
