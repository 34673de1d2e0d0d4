import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiToken } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  const page = await apiGet<{ items: ApiToken[] }>(paths.api.tokens(), signal);
  return page.items;
}

export const tokensQueryKey = ['tokens'] as const;

export const tokensQueryOptions = () => queryOptions({ queryKey: tokensQueryKey, queryFn: ({ signal }) => listTokens(signal) });

export function useTokens() {
  return useQuery(tokensQueryOptions());
}
