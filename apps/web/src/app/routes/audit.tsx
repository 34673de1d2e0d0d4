import { useSearchParams } from 'react-router';
import { withQuery } from '../../lib/paths.ts';
import { Button } from '../../components/button.tsx';
import { EmptyState, LoadingState, PageHeader } from '../../components/page.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { readAuditFilters, type AuditFilters } from '../../features/audit/api/audit-filters.ts';
import { useAuditEvents } from '../../features/audit/api/list-audit-events.ts';
import { AuditFiltersForm } from '../../features/audit/components/audit-filters-form.tsx';
import { AuditTable } from '../../features/audit/components/audit-table.tsx';
import { ExportButtons } from '../../features/audit/components/export-buttons.tsx';
import { VerifyBadge } from '../../features/audit/components/verify-badge.tsx';

export function Component() {
  const [params, setParams] = useSearchParams();
  const filters = readAuditFilters(params);
  const events = useAuditEvents(filters);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters = Object.keys(filters).length > 0;

  const apply = (next: AuditFilters) => setParams(new URLSearchParams(withQuery('', { ...next }).slice(1)));

  return (
    <>
      <title>Audit · SyncSafe Console</title>
      <PageHeader
        title="Audit"
        description="Every sign-in, change and refused command, append-only and chained by SHA-256 hashes."
        actions={<ExportButtons filters={filters} />}
      />
      <VerifyBadge />
      <AuditFiltersForm key={params.toString()} filters={filters} onApply={apply} />
      {events.isPending ? (
        <LoadingState label="Loading audit records…" />
      ) : events.isError ? (
        <ErrorAlert error={events.error} title="Could not load the audit records" />
      ) : items.length === 0 ? (
        <EmptyState title={hasFilters ? 'No audit records match these filters' : 'No audit records yet'} />
      ) : (
        <>
          <AuditTable events={items} />
          <p className="table-footer" aria-live="polite">
            Showing {items.length} {items.length === 1 ? 'record' : 'records'}, newest first.
            {events.hasNextPage ? (
              <Button onClick={() => events.fetchNextPage()} isBusy={events.isFetchingNextPage}>
                {events.isFetchingNextPage ? 'Loading…' : 'Load older'}
              </Button>
            ) : (
              <span className="muted"> That is the oldest.</span>
            )}
          </p>
        </>
      )}
    </>
  );
}
