import type { FormEvent } from 'react';
import type { Job, UndoFailoverActionOptions } from '@syncsafe/contracts';
import { Button } from '../../../components/button.tsx';
import { Alert } from '../../../components/alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { CommandRefusal } from './command-parts.tsx';
import { OperationStarted, useLiveOperation } from './operation-started.tsx';
import { useJobCommand } from './use-job-command.ts';

/** Undo Failover or Cutover (a test failover): says what becomes of the test snapshot before the click. */
export function UndoFailoverForm({ job, options, version, onClose }: { job: Job; options: UndoFailoverActionOptions | null; version: number; onClose: () => void }) {
  const command = useJobCommand(job.id, 'undo-failover', version);
  const operation = useLiveOperation(job.id, command.operation);
  if (operation) return <OperationStarted job={job} operation={operation} onClose={onClose} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    command.submit({});
  };
  const isKept = options?.testSnapshotOutcome === 'kept';
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Undo Failover or Cutover">
      <CommandRefusal error={command.error} what="Undo" />
      {options ? (
        <>
          <p>{options.description}</p>
          <Alert tone={isKept ? 'info' : 'warning'} title={isKept ? 'The test snapshot is kept' : 'The test snapshot is deleted'}>
            {options.testSnapshot
              ? `The snapshot taken for the test at ${formatDateTime(options.testSnapshot.takenAt)} is ${isKept ? 'kept' : 'deleted'}, as the job’s test failover settings say.`
              : `Per the job’s test failover settings, the test snapshot is ${isKept ? 'kept' : 'deleted'}.`}{' '}
            To change this, edit the job’s test failover settings first.
          </Alert>
        </>
      ) : (
        <p>Undo the failover of {job.name}.</p>
      )}
      <div className="form-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" isBusy={command.isPending}>
          {command.isPending ? 'Undoing…' : 'Undo Failover or Cutover'}
        </Button>
      </div>
    </form>
  );
}
