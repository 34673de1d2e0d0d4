import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, MeResponse } from '@syncsafe/contracts';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { meQueryKey } from './get-me.ts';

export function logIn(credentials: LoginRequest): Promise<MeResponse> {
  return apiPost<MeResponse>(paths.api.login, credentials);
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logIn,
    // Whatever a previous session cached belongs to someone else: start clean.
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
    meta: { isLogin: true },
  });
}
