import { Link } from 'react-router';
import { paths } from '../../lib/paths.ts';
import { isApiError } from '../../lib/api-error.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Breadcrumb as SharedBreadcrumb } from '../../components/breadcrumb.tsx';

export function Breadcrumb({ current, parent }: { current: string; parent?: { label: string; href: string } }) {
  return <SharedBreadcrumb trail={[{ label: 'Servers', href: paths.servers.href() }, ...(parent ? [parent] : [])]} current={current} />;
}

export function ServerLoadError({ error }: { error: Error }) {
  const isMissing = isApiError(error) && error.status === 404;
  return (
    <>
      <title>Server not found · SyncSafe Console</title>
      <Breadcrumb current={isMissing ? 'Not found' : 'Error'} />
      <h1>{isMissing ? 'Server not found' : 'Could not load the server'}</h1>
      {isMissing ? <p>It may have been deleted.</p> : <ErrorAlert error={error} />}
      <p>
        <Link to={paths.servers.href()}>Back to Servers</Link>
      </p>
    </>
  );
}
