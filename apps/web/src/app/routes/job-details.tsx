import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { JobCommandSchema, jobTypeLabels, operationKindLabels, type Job, type JobCommand } from '@syncsafe/contracts';
import { paths } from '../../lib/paths.ts';
import { isApiError } from '../../lib/api-error.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingState, PageHeader } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { useJob } from '../../features/jobs/api/get-job.ts';
import { useJobActions, type JobActionsResponse } from '../../features/jobs/api/get-job-actions.ts';
import { useJobHistory } from '../../features/jobs/api/get-job-history.ts';
import { useJobOperations } from '../../features/jobs/api/list-job-operations.ts';
import { useJobSnapshots } from '../../features/jobs/api/list-job-snapshots.ts';
import { topologyAfterFailover, topologyAfterReverse, topologyNow } from '../../features/jobs/topology.ts';
import { HistoryTable } from '../../features/jobs/components/history-table.tsx';
import { JobProgressPanel } from '../../features/jobs/components/job-progress-panel.tsx';
import { JobSettings } from '../../features/jobs/components/job-settings.tsx';
import { JobToolbar } from '../../features/jobs/components/job-toolbar.tsx';
import { ManualReversalGuidePanel } from '../../features/jobs/components/manual-reversal-guide.tsx';
import { operationStatusView, OperationTimeline } from '../../features/jobs/components/operation-timeline.tsx';
import { OperationsTable } from '../../features/jobs/components/operations-table.tsx';
import { ReversePhases } from '../../features/jobs/components/reverse-dialog.tsx';
import { SnapshotsTable } from '../../features/jobs/components/snapshots-table.tsx';
import { TopologyPicture } from '../../features/jobs/components/topology-picture.tsx';
import { Badge } from '../../components/badge.tsx';
import type { DialogCommand } from './job-command-dialog.tsx';
import { LazyJobCommandDialog as JobCommandDialog } from './lazy-job-command-dialog.tsx';
import { jobCommandRoleReason } from '../../lib/roles.ts';
import { useCurrentUser } from './use-current-user.ts';
import { JobsBreadcrumb } from './jobs-breadcrumb.tsx';
import { useToolbarCommand } from './use-toolbar-command.ts';

const dialogCommands = new Set<string>(JobCommandSchema.options.filter((c) => c !== 'edit' && c !== 'take-snapshot'));

/** One job: live progress, the running operation's steps, who holds which identity, snapshots, history. */
export function Component() {
  const { jobId = '' } = useParams();
  const job = useJob(jobId);
  if (job.isPending) return <LoadingState label="Loading job…" />;
  if (job.isError) {
    const isMissing = isApiError(job.error) && job.error.status === 404;
    return (
      <>
        <title>Job not found · SyncSafe Console</title>
        <JobsBreadcrumb current={isMissing ? 'Not found' : 'Error'} />
        <h1>{isMissing ? 'Job not found' : 'Could not load the job'}</h1>
        {isMissing ? <p>It may have been deleted.</p> : <ErrorAlert error={job.error} />}
        <p>
          <Link to={paths.jobs.href()}>Back to Jobs</Link>
        </p>
      </>
    );
  }
  return <JobDetails job={job.data} />;
}

function JobDetails({ job }: { job: Job }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { showToast } = useToast();
  const [params, setParams] = useSearchParams();
  const actions = useJobActions(job.id);
  const operations = useJobOperations(job.id);
  const snapshots = useJobSnapshots(job.id);
  const history = useJobHistory(job.id);
  const requested = params.get('dialog');
  // "Fail over now" (a notification) links here with ?dialog=failover.
  const toolbar = useToolbarCommand(requested && dialogCommands.has(requested) ? { command: requested as DialogCommand, job } : null);

  function closeDialog() {
    toolbar.close();
    if (params.has('dialog')) {
      const next = new URLSearchParams(params);
      next.delete('dialog');
      setParams(next, { replace: true });
    }
  }

  const runCommand = (command: JobCommand) => toolbar.run(job, command, actions.data?.version);

  const current = operations.data?.items.find((o) => o.id === job.activeOperationId) ?? operations.data?.items[0];
  const serverName = (id: string | null) => [job.source, job.target, job.testServer].find((s) => s?.id === id)?.name ?? 'unknown';

  return (
    <>
      <title>{`${job.name} · Jobs · SyncSafe Console`}</title>
      <JobsBreadcrumb current={job.name} />
      <PageHeader
        title={job.name}
        description={
          <>
            {jobTypeLabels[job.type]} · {job.source.name} <span aria-hidden="true">→</span> <span className="visually-hidden">to</span> {job.target.name}
          </>
        }
      />
      <div className="job-toolbar-row">
        <JobToolbar jobName={job.name} actions={actions.data} roleReason={jobCommandRoleReason(me.role)} onCommand={runCommand} />
      </div>
      <div className="panels">
        <JobProgressPanel job={job} />
        <section className="panel" aria-labelledby="job-operation-title">
          <h2 id="job-operation-title">{job.activeOperationId ? 'Running now' : 'Last operation'}</h2>
          {!current ? (
            <p className="muted">No operation yet.</p>
          ) : (
            <>
              <p>
                {operationKindLabels[current.kind]} by {current.actorName} <Badge tone={operationStatusView[current.status].tone}>{operationStatusView[current.status].label}</Badge>
              </p>
              {current.kind === 'reverse' && actions.data?.reverse ? <ReversePhases options={actions.data.reverse} job={job} operation={current} /> : null}
              {current.error ? <p className="timeline-error">{current.error}</p> : null}
              <OperationTimeline operation={current} job={job} />
            </>
          )}
        </section>
      </div>
      <TopologySection job={job} actions={actions.data} />
      {actions.data?.manualReversal ? <ManualReversalGuidePanel guide={actions.data.manualReversal} /> : null}
      <section className="panel" aria-labelledby="job-snapshots-title">
        <h2 id="job-snapshots-title">Snapshots</h2>
        {snapshots.isPending ? <LoadingState label="Loading snapshots…" /> : snapshots.isError ? <ErrorAlert error={snapshots.error} /> : <SnapshotsTable snapshots={snapshots.data.items} />}
      </section>
      <section className="panel" aria-labelledby="job-operations-title">
        <h2 id="job-operations-title">Operations</h2>
        {operations.isPending ? <LoadingState label="Loading operations…" /> : operations.isError ? <ErrorAlert error={operations.error} /> : <OperationsTable operations={operations.data.items} />}
      </section>
      <section className="panel" aria-labelledby="job-history-title">
        <div className="panel-header">
          <h2 id="job-history-title">History</h2>
          <div className="button-row" role="group" aria-label="Export the job’s history">
            <a className="btn btn-secondary btn-small" href={paths.api.auditExport({ format: 'csv', jobId: job.id })} download>
              Export CSV
            </a>
            <a className="btn btn-secondary btn-small" href={paths.api.auditExport({ format: 'json', jobId: job.id })} download>
              Export JSON
            </a>
            <Link to={paths.audit.href({ jobId: job.id })}>Audit records of this job</Link>
          </div>
        </div>
        {history.isPending ? <LoadingState label="Loading history…" /> : history.isError ? <ErrorAlert error={history.error} /> : <HistoryTable transitions={history.data.items} />}
      </section>
      <section className="panel" aria-labelledby="job-settings-title">
        <h2 id="job-settings-title">Settings</h2>
        <JobSettings job={job} serverName={serverName} />
      </section>
      <JobCommandDialog job={job} command={toolbar.dialog?.command ?? null} onClose={closeDialog} onDeleted={() => {
        showToast(`Job ${job.name} deleted`);
        navigate(paths.jobs.href(), { replace: true });
      }} />
    </>
  );
}

/** Who holds which identity now, and (when the command is allowed) after Failover or Reverse. */
function TopologySection({ job, actions }: { job: Job; actions: JobActionsResponse | undefined }) {
  const canFailOver = actions?.commands.failover.allowed ?? false;
  const canReverse = actions?.commands.reverse.allowed ?? false;
  return (
    <section className="panel" aria-labelledby="job-topology-title">
      <h2 id="job-topology-title">Machines and identities</h2>
      <div className="topology-grid">
        <div>
          <h3>Now</h3>
          <TopologyPicture topology={topologyNow(job)} title={`${job.name} now`} />
        </div>
        {canFailOver ? (
          <div>
            <h3>After Failover or Cutover (live)</h3>
            <TopologyPicture topology={topologyAfterFailover(job)} title={`${job.name} after a live failover`} />
          </div>
        ) : null}
        {canReverse ? (
          <div>
            <h3>After Reverse</h3>
            <TopologyPicture topology={topologyAfterReverse(job)} title={`${job.name} after Reverse`} />
            {actions?.reverse ? <p className="field-hint">{actions.reverse.outcome}</p> : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
