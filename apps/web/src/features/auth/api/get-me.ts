import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeResponse } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { paths } from '../../../lib/paths.ts';

/** The signed-in user, or null when signed out (a 401 is an answer here, not an error). */
export async function getMe(signal?: AbortSignal): Promise<MeResponse | null> {
  try {
    return await apiGet<MeResponse>(paths.api.me, signal);
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const meQueryKey = ['auth', 'me'] as const;

export const meQueryOptions = () =>
  queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
    retry: false,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
