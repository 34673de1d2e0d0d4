import type { FormEvent } from 'react';
import type { Job, Operation, ReverseActionOptions } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { CommandRefusal, WarningList } from './command-parts.tsx';
import { OperationStarted, useLiveOperation } from './operation-started.tsx';
import { phaseStatuses, type PhaseStatus } from './operation-timeline.tsx';
import { useJobCommand } from './use-job-command.ts';

const phaseBadge: Record<PhaseStatus, { tone: 'good' | 'info' | 'neutral' | 'bad'; label: string }> = {
  pending: { tone: 'neutral', label: 'Not started' },
  current: { tone: 'info', label: 'In progress' },
  done: { tone: 'good', label: 'Done' },
  failed: { tone: 'bad', label: 'Failed' },
};

/** Restoring → Synchronizing → Rebooting, each with where it is now (before the click: all not started). */
export function ReversePhases({ options, job, operation }: { options: ReverseActionOptions; job: Job; operation: Operation | undefined }) {
  const statuses = phaseStatuses(
    options.phases.map((p) => p.phase),
    operation,
    job.state === 'reversing' ? job.reversePhase : null,
  );
  return (
    <ol className="phases" aria-label="Phases of Reverse">
      {options.phases.map((phase) => {
        const status = statuses[phase.phase];
        return (
          <li key={phase.phase} className={`phase phase-${status}`} aria-current={status === 'current' ? 'step' : undefined}>
            <p className="phase-title">
              {phase.label} <Badge tone={phaseBadge[status].tone}>{phaseBadge[status].label}</Badge>
            </p>
            <p className="field-hint">{phase.description}</p>
          </li>
        );
      })}
    </ol>
  );
}

/** Reverse: the preconditions (met or not), the phases as they will happen, and who holds which identity after. */
export function ReverseForm({ job, options, version, onClose }: { job: Job; options: ReverseActionOptions; version: number; onClose: () => void }) {
  const command = useJobCommand(job.id, 'reverse', version);
  const operation = useLiveOperation(job.id, command.operation);
  if (operation) {
    return (
      <>
        <ReversePhases options={options} job={job} operation={operation} />
        <OperationStarted job={job} operation={operation} onClose={onClose} />
      </>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    command.submit({});
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Reverse">
      <CommandRefusal error={command.error} what="Reverse" />
      <p>{options.description}</p>
      <section aria-label="Preconditions">
        <h3 className="form-section-title">Before Reverse</h3>
        <ul className="plain-list preconditions">
          {options.preconditions.map((p) => (
            <li key={p.id} className={p.isMet ? 'precondition-met' : 'precondition-unmet'}>
              <span aria-hidden="true">{p.isMet ? '✓' : '✗'}</span> <span className="visually-hidden">{p.isMet ? 'Met:' : 'Not met:'}</span> {p.text}
            </li>
          ))}
        </ul>
      </section>
      <h3 className="form-section-title">What happens</h3>
      <ReversePhases options={options} job={job} operation={undefined} />
      <p>
        <strong>Afterwards:</strong> {options.outcome}
      </p>
      <WarningList warnings={options.warnings} title="Good to know" />
      <div className="form-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" isBusy={command.isPending}>
          {command.isPending ? 'Starting Reverse…' : 'Reverse'}
        </Button>
      </div>
    </form>
  );
}
