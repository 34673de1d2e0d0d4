import type { Job } from '@syncsafe/contracts';
import { ProgressBar } from '../../../components/progress-bar.tsx';
import { formatBytes, plural } from '../../../lib/format.ts';
import { activityLabels, formatLag } from '../job-view.ts';

/** Activity, mirror progress, target queue and lag, compact enough for a table row. */
export function JobActivity({ job }: { job: Job }) {
  const isMirroring = job.activity === 'mirroring' && job.mirror.percent !== null;
  return (
    <div className="job-activity">
      <span className="job-activity-label">{job.activity ? activityLabels[job.activity] : '—'}</span>
      {isMirroring ? <ProgressBar label={`Mirror of ${job.name}`} percent={job.mirror.percent} isCompact /> : null}
      <span className="small muted">
        Queue {formatBytes(job.queue.bytes)} · {plural(job.queue.ops, 'op')} · lag {formatLag(job.lagMs)}
      </span>
    </div>
  );
}
