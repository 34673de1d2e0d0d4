import type { Job } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { ProgressBar } from '../../../components/progress-bar.tsx';
import { formatBytes, formatDateTime, plural } from '../../../lib/format.ts';
import { activityLabels, formatLag, jobTypeLabels, targetDataStateView } from '../job-view.ts';
import { JobStateBadge } from './job-state-badge.tsx';

/** State and progress, live: mirror, target queue, lag, target data state. */
export function JobProgressPanel({ job }: { job: Job }) {
  const data = targetDataStateView[job.targetDataState];
  return (
    <section className="panel" aria-labelledby="job-progress-title">
      <h2 id="job-progress-title">State and progress</h2>
      <dl className="properties">
        <dt>State</dt>
        <dd>
          <JobStateBadge job={job} />
        </dd>
        <dt>Type</dt>
        <dd>{jobTypeLabels[job.type]}</dd>
        <dt>Activity</dt>
        <dd>{job.activity ? activityLabels[job.activity] : '—'}</dd>
        <dt>Mirror</dt>
        <dd>
          <ProgressBar label={`Mirror of ${job.name}`} percent={job.mirror.percent} />
          <span className="small muted">
            {plural(job.mirror.files, 'file')}, {formatBytes(job.mirror.bytes)} mirrored
          </span>
        </dd>
        <dt>Target queue</dt>
        <dd>
          {plural(job.queue.ops, 'operation')}, {formatBytes(job.queue.bytes)} <span className="muted small">(received by the target, not yet applied)</span>
        </dd>
        <dt>Lag</dt>
        <dd>{formatLag(job.lagMs)}</dd>
        <dt>Target data state</dt>
        <dd>
          <Badge tone={data.tone}>{data.label}</Badge>
        </dd>
        <dt>Last snapshot</dt>
        <dd>{job.lastSnapshotAt ? formatDateTime(job.lastSnapshotAt) : 'None'}</dd>
        {job.conditionMetAt ? (
          <>
            <dt>Failover condition met</dt>
            <dd>{formatDateTime(job.conditionMetAt)}</dd>
          </>
        ) : null}
        {job.lastError ? (
          <>
            <dt>Last error</dt>
            <dd className="timeline-error">{job.lastError}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
