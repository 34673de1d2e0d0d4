import { Link } from 'react-router';
import { paths } from '../../lib/paths.ts';
import { PageHeader } from '../../components/page.tsx';

export function Component() {
  return (
    <>
      <title>Not found · SyncSafe Console</title>
      <PageHeader title="Page not found" description="There is no page at this address." />
      <p>
        <Link to={paths.servers.href()}>Go to Servers</Link>
      </p>
    </>
  );
}
