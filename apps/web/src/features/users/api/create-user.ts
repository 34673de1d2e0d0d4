import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, User } from '@syncsafe/contracts';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { usersQueryKey } from './list-users.ts';

export function createUser(request: CreateUserRequest): Promise<User> {
  return apiPost<User>(paths.api.users(), request);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }) });
}
