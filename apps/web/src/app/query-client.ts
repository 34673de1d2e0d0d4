import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-error.ts';
import { meQueryKey } from '../features/auth/api/get-me.ts';

/**
 * One client for the app. A 401 anywhere means the session ended (expired, signed out elsewhere,
 * user disabled): forget the user, and the signed-in layout sends the browser to the login page.
 * The message of a 403 (which names the role needed) is shown where the request was made.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => forgetUserOn401(error) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.isLogin) forgetUserOn401(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // Client errors will not get better by asking again; a network blip or 5xx might.
        retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });

  function forgetUserOn401(error: unknown) {
    if (isApiError(error) && error.status === 401) client.setQueryData(meQueryKey, null);
    // A 403 may mean an admin changed this user's role meanwhile: show the controls the role allows now.
    else if (isApiError(error) && error.status === 403) void client.invalidateQueries({ queryKey: meQueryKey });
  }
  return client;
}

export const queryClient = createQueryClient();
