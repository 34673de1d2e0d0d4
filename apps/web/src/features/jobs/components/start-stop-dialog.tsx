import type { FormEvent } from 'react';
import type { Job } from '@syncsafe/contracts';
import { Button } from '../../../components/button.tsx';
import { CommandRefusal } from './command-parts.tsx';
import { OperationStarted, useLiveOperation } from './operation-started.tsx';
import { useJobCommand } from './use-job-command.ts';

const texts = {
  start: {
    title: 'Start',
    busy: 'Starting…',
    body: (job: Job) =>
      `Protection of ${job.source.name} to ${job.target.name} starts: the agents are set up, the replication set is mirrored, then changes are replicated as they happen. If the data was restored to a new source, edit the job first.`,
  },
  stop: {
    title: 'Stop',
    busy: 'Stopping…',
    body: (job: Job) =>
      `Protection of ${job.source.name} stops: changes on the source are no longer sent to ${job.target.name}. Start resumes protection.`,
  },
} as const;

/** Start or Stop: one confirmation saying what it changes. */
export function StartStopForm({ job, command: name, version, onClose }: { job: Job; command: 'start' | 'stop'; version: number; onClose: () => void }) {
  const command = useJobCommand(job.id, name, version);
  const operation = useLiveOperation(job.id, command.operation);
  if (operation) return <OperationStarted job={job} operation={operation} onClose={onClose} />;
  const text = texts[name];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    command.submit({});
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={text.title}>
      <CommandRefusal error={command.error} what={text.title} />
      <p>{text.body(job)}</p>
      <div className="form-actions">
        <Button onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button type="submit" variant={name === 'stop' ? 'danger' : 'primary'} isBusy={command.isPending}>
          {command.isPending ? text.busy : text.title}
        </Button>
      </div>
    </form>
  );
}
