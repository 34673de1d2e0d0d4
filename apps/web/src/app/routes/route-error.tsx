import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../../lib/paths.ts';

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : 'Unknown error';
  // A lazy route chunk that no longer exists means a new console version was deployed: reload.
  const isStaleBuild = error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <main className="main narrow">
      <title>Error · SyncSafe Console</title>
      <h1>Something went wrong</h1>
      <p role="alert">{isStaleBuild ? 'The console was updated. Reload the page to continue.' : message}</p>
      <p>
        <button type="button" className="btn btn-secondary" onClick={() => window.location.reload()}>
          Reload
        </button>{' '}
        <Link to={paths.servers.href()}>Go to Servers</Link>
      </p>
    </main>
  );
}
