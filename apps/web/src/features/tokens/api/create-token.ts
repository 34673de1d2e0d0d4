import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, CreateApiTokenRequest } from '@syncsafe/contracts';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { tokensQueryKey } from './list-tokens.ts';

export interface CreatedToken {
  token: ApiToken;
  /** Shown once; the API keeps only its hash. */
  secret: string;
}

export function createToken(request: CreateApiTokenRequest): Promise<CreatedToken> {
  return apiPost<CreatedToken>(paths.api.tokens(), request);
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createToken, onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }) });
}
