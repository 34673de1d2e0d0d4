import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import type { Server } from '@syncsafe/contracts';
import { setServerDetail } from './get-server.ts';
import { serversQueryKey } from './list-servers.ts';

/** Answers with the server as it is now. */
export function removeLicense(serverId: string, key: string): Promise<Server> {
  return apiDelete<Server>(paths.api.serverLicense(serverId, key));
}

export function useRemoveLicense(serverId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => removeLicense(serverId, key),
    onSuccess: (server) => {
      setServerDetail(queryClient, server);
      return queryClient.invalidateQueries({ queryKey: serversQueryKey, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}
