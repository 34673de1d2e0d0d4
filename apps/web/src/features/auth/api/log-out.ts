import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { meQueryKey } from './get-me.ts';

export function logOut(): Promise<void> {
  return apiPost<void>(paths.api.logout);
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
