import { jobTypeLabels, type Job } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { ProgressBar } from '../../../components/progress-bar.tsx';
import { formatBytes, formatDateTime, plural } from '../../../lib/format.ts';
import { activityLabels, badDataReasonLabels, formatLag, mirrorStatusLabels, targetDataStateView, targetStatusView } from '../job-view.ts';
import { JobStateBadge } from './job-state-badge.tsx';

/** State and progress, live: mirror, what the source sent, target status and queue, lag, target data state. */
export function JobProgressPanel({ job }: { job: Job }) {
  const data = targetDataStateView[job.targetDataState];
  const target = job.targetStatus ? targetStatusView[job.targetStatus] : null;
  const badReason = job.targetDataState === 'bad' ? describeBadData(job) : null;
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
        <dt>Mirror status</dt>
        <dd>{job.mirrorStatus ? mirrorStatusLabels[job.mirrorStatus] : '—'}</dd>
        <dt>Mirror</dt>
        <dd>
          <ProgressBar label={`Mirror of ${job.name}`} percent={job.mirror.percent} />
          <span className="small muted">
            {plural(job.mirror.files, 'file')}, {formatBytes(job.mirror.bytes)} mirrored
          </span>
        </dd>
        <dt>Sent</dt>
        <dd>
          {plural(job.transmit.sentOps, 'operation')}, {formatBytes(job.transmit.sentBytes)} <span className="muted small">(since the source’s agent started)</span>
        </dd>
        <dt>Waiting to be sent</dt>
        <dd>{plural(job.transmit.pendingChanges, 'change')}</dd>
        {job.transmit.lastError ? (
          <>
            <dt>Last transmit error</dt>
            <dd className="timeline-error">{job.transmit.lastError}</dd>
          </>
        ) : null}
        <dt>Target status</dt>
        <dd>{target ? <Badge tone={target.tone}>{target.label}</Badge> : '—'}</dd>
        <dt>Target queue</dt>
        <dd>
          {plural(job.queue.ops, 'operation')}, {formatBytes(job.queue.bytes)} <span className="muted small">(received by the target, not yet applied)</span>
        </dd>
        <dt>Lag</dt>
        <dd>{formatLag(job.lagMs)}</dd>
        <dt>Target data state</dt>
        <dd>
          <Badge tone={data.tone}>{data.label}</Badge>
          {badReason ? <span className="small"> — {badReason}</span> : null}
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

/** "Applying the target queue was interrupted (the agent stopped while applying the target queue)". */
function describeBadData(job: Job): string | null {
  const reason = job.targetDataStateReason ? badDataReasonLabels[job.targetDataStateReason] : null;
  const detail = job.targetDataStateDetail;
  if (reason && detail) return `${reason} (${detail})`;
  return reason ?? detail;
}
