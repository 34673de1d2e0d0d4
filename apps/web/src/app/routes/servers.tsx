import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { paths } from '../../lib/paths.ts';
import { Button } from '../../components/button.tsx';
import { EmptyState, LoadingState, PageHeader } from '../../components/page.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useToast } from '../../components/toast.tsx';
import { useServers } from '../../features/servers/api/list-servers.ts';
import { ServersTable } from '../../features/servers/components/servers-table.tsx';
import { AddServerDialog } from '../../features/servers/components/add-server-dialog.tsx';
import { useIsAdmin } from './use-current-user.ts';

const SEARCH_DELAY_MS = 250;

export function Component() {
  const isAdmin = useIsAdmin();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [isAddOpen, setIsAddOpen] = useState(false);
  const { showToast } = useToast();
  const servers = useServers(q);

  // The search box drives the URL (shareable, survives reload), after a short pause in typing.
  useEffect(() => {
    if (search.trim() === q) return;
    const timer = window.setTimeout(() => setParams(search.trim() ? { q: search.trim() } : {}, { replace: true }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, q, setParams]);

  const items = servers.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <title>Servers · SyncSafe Console</title>
      <PageHeader
        title="Servers"
        description={isAdmin ? 'Servers the console protects. Double-click a server (or open its name) for its details.' : 'Servers the console protects. Read-only: only admins add or change servers.'}
        actions={
          isAdmin ? (
            <Button variant="primary" onClick={() => setIsAddOpen(true)}>
              Add Server
            </Button>
          ) : null
        }
      />
      <div role="search" className="toolbar">
        <label htmlFor="server-search" className="field-label">
          Search servers
        </label>
        <input
          id="server-search"
          type="search"
          className="input input-search"
          placeholder="Name or address"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {servers.isPending ? (
        <LoadingState label="Loading servers…" />
      ) : servers.isError ? (
        <ErrorAlert error={servers.error} title="Could not load the servers" />
      ) : items.length === 0 ? (
        q ? (
          <EmptyState title={`No servers match “${q}”`} />
        ) : (
          <EmptyState title="No servers yet">{isAdmin ? <p>Add a server by its reserved IP, public NAT or private address, and port.</p> : <p>An admin adds servers.</p>}</EmptyState>
        )
      ) : (
        <>
          <ServersTable servers={items} serverHref={paths.server.href} />
          <p className="table-footer" aria-live="polite">
            Showing {items.length} {items.length === 1 ? 'server' : 'servers'}
            {servers.hasNextPage ? (
              <Button onClick={() => servers.fetchNextPage()} isBusy={servers.isFetchingNextPage}>
                Load more
              </Button>
            ) : null}
          </p>
        </>
      )}
      {isAdmin ? (
        <AddServerDialog
          isOpen={isAddOpen}
          onClose={() => setIsAddOpen(false)}
          onAdded={(server) => {
            setIsAddOpen(false);
            showToast(`Server ${server.name} added`);
          }}
        />
      ) : null}
    </>
  );
}
