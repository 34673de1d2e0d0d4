import type { User } from '@syncsafe/contracts';
import { useMe } from '../../features/auth/api/get-me.ts';

/** The signed-in user; only call below the signed-in layout, which guarantees there is one. */
export function useCurrentUser(): User {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside the signed-in layout');
  return data.user;
}

export function useIsAdmin(): boolean {
  return useCurrentUser().role === 'admin';
}
