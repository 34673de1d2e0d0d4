import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';

export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  const page = await apiGet<{ items: User[] }>(paths.api.users(), signal);
  return page.items;
}

export const usersQueryKey = ['users'] as const;

export const usersQueryOptions = () => queryOptions({ queryKey: usersQueryKey, queryFn: ({ signal }) => listUsers(signal) });

export function useUsers() {
  return useQuery(usersQueryOptions());
}
