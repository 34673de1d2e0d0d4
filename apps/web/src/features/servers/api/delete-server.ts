import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { serverQueryKey } from './get-server.ts';
import { serversQueryKey } from './list-servers.ts';

export function deleteServer(serverId: string): Promise<void> {
  return apiDelete(paths.api.server(serverId));
}

export function useDeleteServer(serverId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteServer(serverId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: serverQueryKey(serverId) });
      return queryClient.invalidateQueries({ queryKey: serversQueryKey });
    },
  });
}
