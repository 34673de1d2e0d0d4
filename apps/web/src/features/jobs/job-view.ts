import type { BadDataReason, Job, JobActivity, JobState, MirrorStatus, TargetDataState, TargetStatus } from '@syncsafe/contracts';
import type { Tone } from '../../components/badge.tsx';

/** How each state reads at a glance; the label is always shown with it (colour is never the only cue). */
export const stateTones: Record<JobState, Tone> = {
  protecting: 'good',
  'failover-condition-met': 'bad',
  'failing-over': 'info',
  'failed-over': 'warn',
  'test-failing-over': 'info',
  'test-failed-over': 'info',
  'undoing-test': 'info',
  restoring: 'info',
  restored: 'warn',
  'failing-back': 'info',
  'failed-back': 'warn',
  reversing: 'info',
  starting: 'info',
  stopping: 'info',
  stopped: 'neutral',
  error: 'bad',
};

export const activityLabels: Record<JobActivity, string> = {
  mirroring: 'Mirroring',
  replicating: 'Replicating',
  paused: 'Paused',
  retrying: 'Retrying',
  idle: 'Idle',
};

export const targetDataStateView: Record<TargetDataState, { tone: Tone; label: string }> = {
  good: { tone: 'good', label: 'Good' },
  bad: { tone: 'bad', label: 'Bad' },
  unknown: { tone: 'neutral', label: 'Unknown' },
};

/** Double-Take's Mirror Status words. */
export const mirrorStatusLabels: Record<MirrorStatus, string> = {
  idle: 'Idle',
  mirroring: 'In progress',
  completed: 'Complete',
  stopped: 'Stopped',
  failed: 'Failed',
};

/** Double-Take's Target Status words; the label is always shown with the tone. */
export const targetStatusView: Record<TargetStatus, { tone: Tone; label: string }> = {
  online: { tone: 'neutral', label: 'Online' },
  mirroring: { tone: 'info', label: 'Mirroring' },
  replicating: { tone: 'good', label: 'Replicating' },
  paused: { tone: 'warn', label: 'Paused' },
  'snapshot-reverted': { tone: 'warn', label: 'Snapshot reverted' },
  'restore-required': { tone: 'bad', label: 'Restore required' },
  'failed-over': { tone: 'warn', label: 'Failed over' },
  stopped: { tone: 'neutral', label: 'Stopped' },
};

/** Why the target data state is bad, said to an operator. */
export const badDataReasonLabels: Record<BadDataReason, string> = {
  'mirror-in-progress': 'A mirror is in progress',
  'apply-interrupted': 'Applying the target queue was interrupted',
  'apply-failed': 'A change in the target queue could not be applied',
  'verification-failed': 'Verification failed',
  'marked-bad': 'Marked bad',
};

/** "120 ms", "4.2 s", "3 min". */
export function formatLag(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms / 60_000)} min`;
}

export interface MachineView {
  serverId: string;
  name: string;
  /** The identities this machine answers as now, in the API's words (Job.identities). */
  identities: Array<'source' | 'target'>;
}

/** The job's two machines (as created) with the identities each holds now. */
export function machinesOf(job: Job): [MachineView, MachineView] {
  const holds = (serverId: string): MachineView['identities'] => {
    const held: MachineView['identities'] = [];
    if (job.identities.source.serverId === serverId) held.push('source');
    if (job.identities.target?.serverId === serverId) held.push('target');
    return held;
  };
  return [
    { serverId: job.source.id, name: job.source.name, identities: holds(job.source.id) },
    { serverId: job.target.id, name: job.target.name, identities: holds(job.target.id) },
  ];
}

/**
 * One line saying which machine holds which identity, only when that is not simply "each its own":
 * e.g. "files02 holds the source identity (files01)" or "target identity web02 no longer exists".
 */
export function describeIdentities(job: Job): string | null {
  const parts: string[] = [];
  const source = job.identities.source;
  if (source.serverId !== job.source.id) {
    const holder = source.serverId === job.target.id ? job.target.name : 'no machine';
    parts.push(`${holder} holds the source identity (${source.name})`);
  }
  const target = job.identities.target;
  if (target === null) parts.push(`target identity ${job.target.name} no longer exists`);
  else if (target.serverId !== job.target.id) parts.push(`${job.source.name} holds the target identity (${target.name})`);
  return parts.length > 0 ? parts.join('; ') : null;
}
