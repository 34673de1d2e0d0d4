import { Link, useNavigate, useParams } from 'react-router';
import type { Job } from '@syncsafe/contracts';
import { paths } from '../../lib/paths.ts';
import { Alert } from '../../components/alert.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingState, PageHeader } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { useJob } from '../../features/jobs/api/get-job.ts';
import { useJobActions } from '../../features/jobs/api/get-job-actions.ts';
import { JobWizard, type WizardServer } from '../../features/jobs/components/job-wizard.tsx';
import { useServers } from '../../features/servers/api/list-servers.ts';
import { jobCommandRoleReason } from '../../lib/roles.ts';
import { useCurrentUser } from './use-current-user.ts';
import { JobsBreadcrumb } from './jobs-breadcrumb.tsx';

/** Create job (`/jobs/new`) and Edit (`/jobs/:jobId/edit`): the same wizard. */
export function Component() {
  const { jobId } = useParams();
  const me = useCurrentUser();
  const roleReason = jobCommandRoleReason(me.role);
  const title = jobId ? 'Edit job' : 'Create job';
  return (
    <>
      <title>{`${title} · SyncSafe Console`}</title>
      <JobsBreadcrumb current={title} />
      <PageHeader title={title} description={jobId ? 'What can change depends on the job’s state.' : 'A job protects a source server by replicating it to a target; protection starts when it is created.'} />
      {roleReason ? (
        <Alert tone="warning" title="Operator role needed">
          {roleReason}
        </Alert>
      ) : jobId ? (
        <EditJob jobId={jobId} />
      ) : (
        <CreateJob />
      )}
    </>
  );
}

function useWizardServers(): { servers: WizardServer[]; isPending: boolean; error: Error | null } {
  const servers = useServers('');
  return { servers: servers.data?.pages.flatMap((page) => page.items) ?? [], isPending: servers.isPending, error: servers.error };
}

function CreateJob() {
  const navigate = useNavigate();
  const { showToast } = useToast();
  const { servers, isPending, error } = useWizardServers();
  if (isPending) return <LoadingState label="Loading servers…" />;
  if (error) return <ErrorAlert error={error} title="Could not load the servers" />;
  return (
    <JobWizard
      servers={servers}
      onCancel={() => navigate(paths.jobs.href())}
      onDone={(job: Job) => {
        showToast(`Job ${job.name} created: protection is starting`);
        navigate(paths.job.href(job.id));
      }}
    />
  );
}

function EditJob({ jobId }: { jobId: string }) {
  const navigate = useNavigate();
  const { showToast } = useToast();
  const job = useJob(jobId);
  const actions = useJobActions(jobId);
  const { servers, isPending, error } = useWizardServers();
  if (job.isPending || actions.isPending || isPending) return <LoadingState label="Loading the job…" />;
  if (job.isError) return <ErrorAlert error={job.error} title="Could not load the job" />;
  if (actions.isError) return <ErrorAlert error={actions.error} title="Could not load what the job allows" />;
  if (error) return <ErrorAlert error={error} title="Could not load the servers" />;
  if (!actions.data.commands.edit.allowed) {
    return (
      <Alert tone="warning" title="Edit is not available now">
        {actions.data.commands.edit.reason} <Link to={paths.job.href(jobId)}>Back to {job.data.name}</Link>
      </Alert>
    );
  }
  return (
    <JobWizard
      key={jobId}
      servers={servers}
      edit={{ job: job.data, fields: actions.data.edit.fields, stateLabel: actions.data.stateLabel }}
      onCancel={() => navigate(paths.job.href(jobId))}
      onDone={(saved: Job) => {
        showToast(`Job ${saved.name} saved`);
        navigate(paths.job.href(saved.id));
      }}
    />
  );
}
