import type { ReactNode } from 'react';
import { jobCommandLabels, type Job, type JobCommand } from '@syncsafe/contracts';
import { Dialog } from '../../components/dialog.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingState } from '../../components/page.tsx';
import { useJobActions } from '../../features/jobs/api/get-job-actions.ts';
import { DeleteJobForm } from '../../features/jobs/components/delete-job-dialog.tsx';
import { FailbackForm } from '../../features/jobs/components/failback-dialog.tsx';
import { FailoverForm } from '../../features/jobs/components/failover-dialog.tsx';
import { RestoreForm } from '../../features/jobs/components/restore-dialog.tsx';
import { ReverseForm } from '../../features/jobs/components/reverse-dialog.tsx';
import { StartStopForm } from '../../features/jobs/components/start-stop-dialog.tsx';
import { UndoFailoverForm } from '../../features/jobs/components/undo-failover-dialog.tsx';
import { useServer } from '../../features/servers/api/get-server.ts';
import { useServers } from '../../features/servers/api/list-servers.ts';
import { useCurrentUser } from './use-current-user.ts';

/** The toolbar commands that open a dialog (Edit is a page; Take Snapshot runs at once). */
export type DialogCommand = Exclude<JobCommand, 'edit' | 'take-snapshot'>;


const largeDialogs: ReadonlySet<DialogCommand> = new Set(['failover', 'restore', 'failback', 'reverse']);

interface JobCommandDialogProps {
  job: Job;
  command: DialogCommand | null;
  onClose: () => void;
  onDeleted: () => void;
}

/** The dialog of one toolbar command for one job, with the options the actions API offers now. */
export function JobCommandDialog({ job, command, onClose, onDeleted }: JobCommandDialogProps) {
  return (
    <Dialog
      title={command ? jobCommandLabels[command] : ''}
      description={
        <>
          {job.name}: {job.source.name} <span aria-hidden="true">→</span>{' '}
          <span className="visually-hidden">to</span> {job.target.name}
        </>
      }
      isOpen={command !== null}
      onClose={onClose}
      size={command && largeDialogs.has(command) ? 'large' : 'small'}
    >
      {command ? <DialogBody job={job} command={command} onClose={onClose} onDeleted={onDeleted} /> : null}
    </Dialog>
  );
}

function DialogBody({ job, command, onClose, onDeleted }: { job: Job; command: DialogCommand; onClose: () => void; onDeleted: () => void }) {
  const me = useCurrentUser();
  const actions = useJobActions(job.id);
  if (command === 'delete') return <DeleteJobForm job={job} onClose={onClose} onDeleted={onDeleted} />;
  if (actions.isPending) return <LoadingState label="Loading the options…" />;
  if (actions.isError) return <ErrorAlert error={actions.error} title="Could not load the options" />;
  const { data } = actions;
  const canAct = me.role !== 'auditor';
  const missing = (what: string): ReactNode => <ErrorAlert error={new Error(`${what} is not offered for this job.`)} />;
  switch (command) {
    case 'failover':
      return <FailoverForm job={job} options={data.failover} version={data.version} onClose={onClose} />;
    case 'restore':
      return data.restore ? <RestoreHost job={job} version={data.version} options={data.restore} actorName={me.username} canAct={canAct} onClose={onClose} /> : missing('Restore');
    case 'failback':
      return data.failback ? <FailbackHost job={job} version={data.version} options={data.failback} actorName={me.username} canAct={canAct} onClose={onClose} /> : missing('Failback');
    case 'reverse':
      return data.reverse ? <ReverseForm job={job} options={data.reverse} version={data.version} onClose={onClose} /> : missing('Reverse');
    case 'undo-failover':
      return <UndoFailoverForm job={job} options={data.undoFailover} version={data.version} onClose={onClose} />;
    case 'start':
    case 'stop':
      return <StartStopForm job={job} command={command} version={data.version} onClose={onClose} />;
  }
}

type RestoreHostProps = Omit<Parameters<typeof RestoreForm>[0], 'servers'>;

/** Restore picks its destination from the server list. */
function RestoreHost(props: RestoreHostProps) {
  const servers = useServers('');
  if (servers.isPending) return <LoadingState label="Loading the server list…" />;
  const items = servers.data?.pages.flatMap((page) => page.items) ?? [];
  return <RestoreForm {...props} servers={items} />;
}

type FailbackHostProps = Omit<Parameters<typeof FailbackForm>[0], 'verification'>;

/** Failback's checklist checks the source's reachability live. */
function FailbackHost(props: FailbackHostProps) {
  const source = useServer(props.job.source.id);
  return <FailbackForm {...props} verification={{ destinationServerId: props.job.source.id, destinationName: props.job.source.name, destinationStatus: source.data?.status ?? null }} />;
}
