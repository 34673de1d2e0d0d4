import type { FormEvent } from 'react';
import type { FailbackActionOptions, Job } from '@syncsafe/contracts';
import { Button } from '../../../components/button.tsx';
import { CommandRefusal, WarningList } from './command-parts.tsx';
import { OperationStarted, useLiveOperation } from './operation-started.tsx';
import { PreparationChecklist, type ChecklistVerification } from './preparation-checklist.tsx';
import { useJobCommand } from './use-job-command.ts';

interface FailbackFormProps {
  job: Job;
  options: FailbackActionOptions;
  version: number;
  actorName: string;
  canAct: boolean;
  verification: ChecklistVerification;
  onClose: () => void;
}

/** Failback: requests for the source go back to the source; the checklist of the order being followed. */
export function FailbackForm({ job, options, version, actorName, canAct, verification, onClose }: FailbackFormProps) {
  const command = useJobCommand(job.id, 'failback', version);
  const operation = useLiveOperation(job.id, command.operation);
  if (operation) return <OperationStarted job={job} operation={operation} onClose={onClose} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    command.submit({});
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Failback">
      <CommandRefusal error={command.error} what="Failback" />
      <p>{options.description}</p>
      <WarningList warnings={options.warnings} title="Before you fail back" />
      <PreparationChecklist
        jobId={job.id}
        checklists={options.checklists}
        preferredOrder="failback-then-restore"
        actorName={actorName}
        canTick={canAct}
        verification={verification}
      />
      <div className="form-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" isBusy={command.isPending}>
          {command.isPending ? 'Starting failback…' : 'Failback'}
        </Button>
      </div>
    </form>
  );
}
