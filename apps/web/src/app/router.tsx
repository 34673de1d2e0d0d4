import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { paths } from '../lib/paths.ts';
import { meQueryOptions } from '../features/auth/api/get-me.ts';
import { queryClient } from './query-client.ts';
import { AppLayout } from './routes/app-layout.tsx';
import { RouteError } from './routes/route-error.tsx';
import { PageError } from './routes/page-error.tsx';
import { LoadingState } from '../components/page.tsx';

/** Everything but the login page needs a signed-in user; the original address comes back after sign-in. */
async function requireSignedIn({ request }: { request: Request }) {
  const me = await queryClient.ensureQueryData(meQueryOptions());
  if (!me) {
    const url = new URL(request.url);
    throw redirect(paths.login.href(url.pathname + url.search));
  }
  return null;
}

export const routes: RouteObject[] = [
  {
    path: paths.login.pattern,
    lazy: () => import('./routes/login.tsx'),
    ErrorBoundary: RouteError,
  },
  {
    path: '/',
    loader: requireSignedIn,
    Component: AppLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: () => <LoadingState label="Loading SyncSafe Console…" />,
    children: [
      { index: true, loader: () => redirect(paths.servers.href()) },
      { path: paths.jobs.pattern, lazy: () => import('./routes/jobs.tsx') },
      { path: paths.newJob.pattern, lazy: () => import('./routes/job-wizard.tsx') },
      { path: paths.job.pattern, lazy: () => import('./routes/job-details.tsx') },
      { path: paths.editJob.pattern, lazy: () => import('./routes/job-wizard.tsx') },
      { path: paths.servers.pattern, lazy: () => import('./routes/servers.tsx') },
      { path: paths.server.pattern, lazy: () => import('./routes/server-details.tsx') },
      { path: paths.editServer.pattern, lazy: () => import('./routes/edit-server.tsx') },
      { path: paths.audit.pattern, lazy: () => import('./routes/audit.tsx') },
      { path: paths.notifications.pattern, lazy: () => import('./routes/notifications.tsx') },
      { path: paths.users.pattern, lazy: () => import('./routes/users.tsx') },
      { path: paths.tokens.pattern, lazy: () => import('./routes/tokens.tsx') },
      { path: '*', lazy: () => import('./routes/not-found.tsx') },
    ].map((route) => ({ ...route, ErrorBoundary: PageError })),
  },
];

export const router = createBrowserRouter(routes);
