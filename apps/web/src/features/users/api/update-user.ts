import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserRequest, User } from '@syncsafe/contracts';
import { apiPatch } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { usersQueryKey } from './list-users.ts';

export function updateUser(userId: string, request: UpdateUserRequest): Promise<User> {
  return apiPatch<User>(paths.api.user(userId), request);
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, request }: { userId: string; request: UpdateUserRequest }) => updateUser(userId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
