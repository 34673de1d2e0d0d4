import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { tokensQueryKey } from './list-tokens.ts';

export function revokeToken(tokenId: string): Promise<void> {
  return apiDelete(paths.api.token(tokenId));
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeToken, onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }) });
}
