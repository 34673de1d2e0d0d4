import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { serversQueryKey } from './list-servers.ts';

export function addLicense(serverId: string, key: string): Promise<unknown> {
  return apiPost<unknown>(paths.api.serverLicenses(serverId), { key });
}

export function useAddLicense(serverId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => addLicense(serverId, key),
    // The answer's shape (server or license) is not pinned by the contract: refetch the server.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serversQueryKey }),
  });
}
