import { jobStateLabels, reversePhaseLabels, type Job } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { stateTones } from '../job-view.ts';

/** The job's state by colour, shape and text; while reversing, the phase too. */
export function JobStateBadge({ job }: { job: Pick<Job, 'state' | 'reversePhase' | 'lastError'> }) {
  const phase = job.state === 'reversing' && job.reversePhase ? ` · ${reversePhaseLabels[job.reversePhase]}` : '';
  return (
    <Badge tone={stateTones[job.state]} title={job.state === 'error' && job.lastError ? job.lastError : undefined}>
      {jobStateLabels[job.state]}
      {phase}
    </Badge>
  );
}
