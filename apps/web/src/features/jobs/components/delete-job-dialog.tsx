import { useState, type FormEvent } from 'react';
import { jobStateLabels, type Job } from '@syncsafe/contracts';
import { Button } from '../../../components/button.tsx';
import { Alert } from '../../../components/alert.tsx';
import { useDeleteJob } from '../api/delete-job.ts';
import { isConfirmed, TypedConfirmation } from './command-parts.tsx';

/** Delete: the job's configuration goes; its history stays in the audit trail. Confirmed by typing its name. */
export function DeleteJobForm({ job, onClose, onDeleted }: { job: Job; onClose: () => void; onDeleted: () => void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const deleteJob = useDeleteJob(job.id);
  const isFailedOver = job.identities.source.serverId !== job.source.id;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isConfirmed(job.name, typed)) return setError(`Type ${job.name} exactly to confirm.`);
    setError(undefined);
    deleteJob.mutate(undefined, { onSuccess: onDeleted });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Delete">
      {deleteJob.error ? <Alert title="The job was not deleted">{deleteJob.error.message}</Alert> : null}
      <p>
        Delete <strong>{job.name}</strong> ({jobStateLabels[job.state]}). Protection of {job.source.name} to {job.target.name} ends and the job’s settings are removed; its
        history stays in the audit trail.
      </p>
      {isFailedOver ? (
        <Alert tone="warning" title="This job has failed over">
          Deleting it releases {job.target.name} so that a new job can use it (the spec’s manual reversal). {job.identities.source.name}’s identity stays on the machine it failed
          over to.
        </Alert>
      ) : null}
      <TypedConfirmation jobName={job.name} value={typed} onValueChange={setTyped} error={error} hint="Deleting cannot be undone." />
      <div className="form-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="danger" isBusy={deleteJob.isPending}>
          {deleteJob.isPending ? 'Deleting…' : 'Delete'}
        </Button>
      </div>
    </form>
  );
}
