import { Link } from 'react-router';
import { paths } from '../../lib/paths.ts';
import { EmptyState, PageHeader } from '../../components/page.tsx';

/** The Jobs page shell: job management arrives with its own release; nothing here is made up. */
export function Component() {
  return (
    <>
      <title>Jobs · SyncSafe Console</title>
      <PageHeader title="Jobs" description="Protection jobs replicate a source server to a target: Files and Folders, or Full Server." />
      <EmptyState title="No jobs yet">
        <p>Creating and running jobs (failover, restore, failback, reverse, start and stop) is not available in this version of the console yet.</p>
        <p>
          To prepare, add your source and target servers on the <Link to={paths.servers.href()}>Servers</Link> page.
        </p>
      </EmptyState>
    </>
  );
}
