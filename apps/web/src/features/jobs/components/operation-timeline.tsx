import { operationKindLabels, type Job, type Operation, type OperationStep, type ReversePhase } from '@syncsafe/contracts';
import { Badge, type Tone } from '../../../components/badge.tsx';
import { formatDateTime } from '../../../lib/format.ts';

const stepView: Record<OperationStep['status'], { tone: Tone; label: string }> = {
  pending: { tone: 'neutral', label: 'Pending' },
  running: { tone: 'info', label: 'Running' },
  succeeded: { tone: 'good', label: 'Done' },
  failed: { tone: 'bad', label: 'Failed' },
  skipped: { tone: 'neutral', label: 'Skipped' },
};

export const operationStatusView: Record<Operation['status'], { tone: Tone; label: string }> = {
  pending: { tone: 'neutral', label: 'Pending' },
  running: { tone: 'info', label: 'Running' },
  succeeded: { tone: 'good', label: 'Succeeded' },
  failed: { tone: 'bad', label: 'Failed' },
};

/** `apply-target-queue` → "Apply target queue". */
export const stepLabel = (command: string) => {
  const words = command.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The machine a step ran on, by name (the servers of the job). */
export function machineName(job: Pick<Job, 'source' | 'target' | 'testServer'>, step: Pick<OperationStep, 'serverId' | 'machine'>): string {
  const servers = [job.source, job.target, job.testServer].filter((s): s is Job['source'] => s !== null);
  return servers.find((s) => s.id === step.serverId)?.name ?? step.machine;
}

/** The operation's steps in order, as a timeline: what ran where, what it did, what failed and why. */
export function OperationTimeline({ operation, job }: { operation: Operation; job: Pick<Job, 'source' | 'target' | 'testServer'> }) {
  const steps = [...operation.steps].sort((a, b) => a.index - b.index);
  if (steps.length === 0) return <p className="muted">No steps yet.</p>;
  return (
    <ol className="timeline" aria-label={`Steps of ${operationKindLabels[operation.kind]}`}>
      {steps.map((step) => {
        const view = stepView[step.status];
        return (
          <li key={step.id} className={`timeline-step timeline-${step.status}`} aria-current={step.status === 'running' ? 'step' : undefined}>
            <span className="timeline-marker" aria-hidden="true" />
            <div className="timeline-body">
              <p className="timeline-title">
                {stepLabel(step.command)} <span className="muted small">on {machineName(job, step)}</span> <Badge tone={view.tone}>{view.label}</Badge>
                {step.isBestEffort ? <span className="muted small"> (best effort)</span> : null}
              </p>
              {step.error ? <p className="timeline-error">{step.error}</p> : null}
              {step.finishedAt ? (
                <p className="muted small">
                  Finished <time dateTime={step.finishedAt}>{formatDateTime(step.finishedAt)}</time>
                  {step.attempts > 1 ? ` after ${step.attempts} attempts` : ''}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export type PhaseStatus = 'pending' | 'current' | 'done' | 'failed';

/** Where Reverse is in each phase: from the operation's steps (each carries its phase) and the job's reversePhase. */
export function phaseStatuses(phases: readonly ReversePhase[], operation: Operation | undefined, current: ReversePhase | null): Record<ReversePhase, PhaseStatus> {
  const result = {} as Record<ReversePhase, PhaseStatus>;
  const currentIndex = current ? phases.indexOf(current) : -1;
  phases.forEach((phase, index) => {
    const steps = operation?.steps.filter((s) => s.phase === phase) ?? [];
    const isDone = steps.length > 0 && steps.every((s) => s.status === 'succeeded' || s.status === 'skipped');
    if (steps.some((s) => s.status === 'failed')) result[phase] = 'failed';
    else if (isDone || (operation?.status === 'succeeded' && steps.length === 0)) result[phase] = 'done';
    else if (phase === current || steps.some((s) => s.status === 'running')) result[phase] = 'current';
    else if (currentIndex > index) result[phase] = 'done';
    else result[phase] = 'pending';
  });
  return result;
}
