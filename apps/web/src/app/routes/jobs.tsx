import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { JobStateSchema, jobStateLabels, jobTypeLabels, type Job, type JobCommand, type JobState, type JobType } from '@syncsafe/contracts';
import { paths } from '../../lib/paths.ts';
import { EmptyState, LoadingState, PageHeader } from '../../components/page.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useToast } from '../../components/toast.tsx';
import { useJobs } from '../../features/jobs/api/list-jobs.ts';
import { readJobFilters } from '../../features/jobs/api/job-filters.ts';
import { useJobActions } from '../../features/jobs/api/get-job-actions.ts';
import { JobsTable } from '../../features/jobs/components/jobs-table.tsx';
import { JobToolbar } from '../../features/jobs/components/job-toolbar.tsx';
import { jobCommandRoleReason } from '../../lib/roles.ts';
import { LazyJobCommandDialog as JobCommandDialog } from './lazy-job-command-dialog.tsx';
import { useCurrentUser } from './use-current-user.ts';
import { useToolbarCommand } from './use-toolbar-command.ts';

const SEARCH_DELAY_MS = 250;

const typeOptions: Array<{ value: '' | JobType; label: string }> = [
  { value: '', label: 'All types' },
  { value: 'files-and-folders', label: jobTypeLabels['files-and-folders'] },
  { value: 'full-server', label: jobTypeLabels['full-server'] },
];
const stateOptions: Array<{ value: '' | JobState; label: string }> = [{ value: '', label: 'All states' }, ...JobStateSchema.options.map((s) => ({ value: s, label: jobStateLabels[s] }))];

/** The Jobs page: every job, live; highlight one and use the toolbar, as in the product. */
export function Component() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { showToast } = useToast();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readJobFilters(params), [params]);
  const [search, setSearch] = useState(filters.q ?? '');
  const jobs = useJobs(filters);
  const items = useMemo(() => jobs.data?.pages.flatMap((page) => page.items) ?? [], [jobs.data]);
  const total = jobs.data?.pages[0]?.total ?? 0;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = useMemo(() => (selectedId ? (items.find((job) => job.id === selectedId) ?? null) : null), [items, selectedId]);
  const actions = useJobActions(selected?.id ?? null);
  const toolbar = useToolbarCommand();
  const { dialog } = toolbar;

  const setFilter = useCallback(
    (key: 'q' | 'type' | 'state', value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // The search box drives the URL (shareable, survives reload), after a short pause in typing.
  const q = filters.q ?? '';
  useEffect(() => {
    if (search.trim() === q) return;
    const timer = window.setTimeout(() => setFilter('q', search.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, q, setFilter]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = jobs;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const select = useCallback((job: Job) => setSelectedId(job.id), []);
  const open = useCallback((job: Job) => navigate(paths.job.href(job.id)), [navigate]);

  const runCommand = (command: JobCommand) => selected && toolbar.run(selected, command, actions.data?.version);

  const dialogJob = dialog ? (items.find((job) => job.id === dialog.job.id) ?? dialog.job) : null;
  const hasFilters = Object.keys(filters).length > 0;
  const canCreate = me.role !== 'auditor';

  return (
    <>
      <title>Jobs · SyncSafe Console</title>
      <PageHeader
        title="Jobs"
        description="Highlight a job, then use the toolbar. Double-click a job (or press Enter) for its details. States and progress update live."
        actions={
          canCreate ? (
            <Link className="btn btn-primary" to={paths.newJob.href()}>
              Create job
            </Link>
          ) : null
        }
      />
      <div role="search" className="filters jobs-filters" aria-label="Filter jobs">
        <div className="field">
          <label htmlFor="job-search" className="field-label">
            Search jobs
          </label>
          <input id="job-search" type="search" className="input" placeholder="Job name" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="job-type" className="field-label">
            Type
          </label>
          <select id="job-type" className="input" value={filters.type ?? ''} onChange={(event) => setFilter('type', event.target.value)}>
            {typeOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="job-state" className="field-label">
            State
          </label>
          <select id="job-state" className="input" value={filters.state ?? ''} onChange={(event) => setFilter('state', event.target.value)}>
            {stateOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="job-toolbar-row">
        <JobToolbar jobName={selected?.name ?? null} actions={actions.data} roleReason={jobCommandRoleReason(me.role)} onCommand={runCommand} />
        <p className="job-toolbar-selection" aria-live="polite">
          {selected ? (
            <>
              Selected: <strong>{selected.name}</strong>
              {actions.data?.activeOperation ? ` — ${actions.data.stateLabel}` : ''}
            </>
          ) : (
            'No job selected'
          )}
        </p>
      </div>
      {jobs.isPending ? (
        <LoadingState label="Loading jobs…" />
      ) : jobs.isError ? (
        <ErrorAlert error={jobs.error} title="Could not load the jobs" />
      ) : items.length === 0 ? (
        hasFilters ? (
          <EmptyState title="No jobs match these filters" />
        ) : (
          <EmptyState title="No jobs yet">
            <p>A job protects a source server by replicating it to a target: Files and Folders, or Full Server.</p>
            {canCreate ? (
              <p>
                <Link to={paths.newJob.href()}>Create a job</Link> (add its servers on the <Link to={paths.servers.href()}>Servers</Link> page first).
              </p>
            ) : null}
          </EmptyState>
        )
      ) : (
        <>
          <JobsTable jobs={items} total={total} selectedId={selectedId} onSelect={select} onOpen={open} onNeedMore={loadMore} jobHref={paths.job.href} />
          <p className="table-footer" aria-live="polite">
            {total.toLocaleString()} {total === 1 ? 'job' : 'jobs'}
            {items.length < total ? ` (${items.length.toLocaleString()} loaded)` : ''}
          </p>
        </>
      )}
      {dialogJob ? (
        <JobCommandDialog
          job={dialogJob}
          command={dialog?.command ?? null}
          onClose={toolbar.close}
          onDeleted={() => {
            showToast(`Job ${dialogJob.name} deleted`);
            toolbar.close();
            setSelectedId(null);
          }}
        />
      ) : null}
    </>
  );
}
