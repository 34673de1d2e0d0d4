import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { serversQueryKey } from './list-servers.ts';

export function removeLicense(serverId: string, key: string): Promise<unknown> {
  return apiDelete<unknown>(paths.api.serverLicense(serverId, key));
}

export function useRemoveLicense(serverId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => removeLicense(serverId, key),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serversQueryKey }),
  });
}
