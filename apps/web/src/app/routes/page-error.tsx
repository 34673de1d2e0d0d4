import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../../lib/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

/** An error inside one page keeps the navigation around it. */
export function PageError() {
  const error = useRouteError();
  const isStaleBuild = error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <>
      <title>Error · SyncSafe Console</title>
      <h1>Something went wrong</h1>
      {isStaleBuild ? (
        <p role="alert">The console was updated. Reload the page to continue.</p>
      ) : isRouteErrorResponse(error) ? (
        <p role="alert">
          {error.status} {error.statusText}
        </p>
      ) : (
        <ErrorAlert error={error} />
      )}
      <p>
        <button type="button" className="btn btn-secondary" onClick={() => window.location.reload()}>
          Reload
        </button>{' '}
        <Link to={paths.servers.href()}>Go to Servers</Link>
      </p>
    </>
  );
}
