import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import type { Server } from '@syncsafe/contracts';
import { setServerDetail } from './get-server.ts';
import { serversQueryKey } from './list-servers.ts';

/** Answers with the server as it is now, licence included. */
export function addLicense(serverId: string, key: string): Promise<Server> {
  return apiPost<Server>(paths.api.serverLicenses(serverId), { key });
}

export function useAddLicense(serverId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => addLicense(serverId, key),
    onSuccess: (server) => {
      setServerDetail(queryClient, server);
      return queryClient.invalidateQueries({ queryKey: serversQueryKey, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}
