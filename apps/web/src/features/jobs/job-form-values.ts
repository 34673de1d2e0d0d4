import { JobOptionsSchema, type CreateJobRequest, type EditableJobField, type Job, type JobOptions, type JobType, type UpdateJobRequest } from '@syncsafe/contracts';

/**
 * The Create / Edit job wizard's fields as the inputs hold them (numbers as typed text). Errors are keyed
 * by the API's own field paths (`options.monitoring.missedHeartbeats`), so a message from the client's
 * schema check and one from the API land on the same input.
 */
export interface JobFormValues {
  type: JobType;
  name: string;
  sourceServerId: string;
  targetServerId: string;
  directories: string[];
  replicaRoot: string;
  waitForUser: boolean;
  isMonitoringEnabled: boolean;
  missedHeartbeats: string;
  heartbeatIntervalSeconds: string;
  services: string[];
  failoverAddresses: string[];
  /** "name=/path" per share. */
  shares: string[];
  hasReverseProtection: boolean;
  productionAdapter: string;
  adapterMapping: Array<{ source: string; target: string }>;
  testServerId: string;
  keepSnapshotOnUndo: boolean;
  isSnapshotScheduleEnabled: boolean;
  snapshotIntervalMinutes: string;
  snapshotKeep: string;
}

function fromOptions(options: JobOptions): Omit<JobFormValues, 'type' | 'name' | 'sourceServerId' | 'targetServerId' | 'directories' | 'replicaRoot'> {
  return {
    waitForUser: options.waitForUser,
    isMonitoringEnabled: options.monitoring.isEnabled,
    missedHeartbeats: String(options.monitoring.missedHeartbeats),
    heartbeatIntervalSeconds: String(options.monitoring.heartbeatIntervalSeconds),
    services: [...options.services],
    failoverAddresses: [...options.failoverAddresses],
    shares: options.shares.map((s) => `${s.name}=${s.path}`),
    hasReverseProtection: options.hasReverseProtection,
    productionAdapter: options.productionAdapter ?? '',
    adapterMapping: options.adapterMapping.map((m) => ({ ...m })),
    testServerId: options.testFailover.testServerId ?? '',
    keepSnapshotOnUndo: options.testFailover.keepSnapshotOnUndo,
    isSnapshotScheduleEnabled: options.snapshotSchedule.isEnabled,
    snapshotIntervalMinutes: String(options.snapshotSchedule.intervalMinutes),
    snapshotKeep: String(options.snapshotSchedule.keep),
  };
}

export function emptyJobFormValues(): JobFormValues {
  return { type: 'files-and-folders', name: '', sourceServerId: '', targetServerId: '', directories: [''], replicaRoot: '', ...fromOptions(JobOptionsSchema.parse({})) };
}

export function jobToFormValues(job: Job): JobFormValues {
  return {
    type: job.type,
    name: job.name,
    sourceServerId: job.source.id,
    targetServerId: job.target.id,
    directories: job.directories.length > 0 ? [...job.directories] : [''],
    replicaRoot: job.replicaRoot ?? '',
    ...fromOptions(job.options),
  };
}

/** A number field: the typed text as a number when it is one, else the text (so the schema names the problem). */
const numberOrText = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

function parseShare(line: string): { name: string; path: string } {
  const at = line.indexOf('=');
  return at === -1 ? { name: line.trim(), path: '' } : { name: line.slice(0, at).trim(), path: line.slice(at + 1).trim() };
}

/**
 * The options as the API takes them. Options the wizard does not show (and any the contract adds later)
 * keep the job's values on edit, or the API's defaults on create.
 */
export function toOptions(values: JobFormValues, base: JobOptions): Record<string, unknown> {
  const isFull = values.type === 'full-server';
  return {
    ...base,
    waitForUser: values.waitForUser,
    monitoring: { isEnabled: values.isMonitoringEnabled, missedHeartbeats: numberOrText(values.missedHeartbeats), heartbeatIntervalSeconds: numberOrText(values.heartbeatIntervalSeconds) },
    services: values.services.map((s) => s.trim()).filter(Boolean),
    failoverAddresses: isFull ? [] : values.failoverAddresses.map((s) => s.trim()).filter(Boolean),
    shares: isFull ? [] : values.shares.filter((s) => s.trim()).map(parseShare),
    hasReverseProtection: isFull && values.hasReverseProtection,
    productionAdapter: isFull && values.productionAdapter ? values.productionAdapter : undefined,
    adapterMapping: isFull ? values.adapterMapping.filter((m) => m.source || m.target) : [],
    testFailover: { ...base.testFailover, testServerId: isFull && values.testServerId ? values.testServerId : null, keepSnapshotOnUndo: values.keepSnapshotOnUndo },
    snapshotSchedule: { isEnabled: values.isSnapshotScheduleEnabled, intervalMinutes: numberOrText(values.snapshotIntervalMinutes), keep: numberOrText(values.snapshotKeep) },
  };
}

export function toCreateJobInput(values: JobFormValues): Record<string, unknown> {
  return {
    type: values.type,
    name: values.name,
    sourceServerId: values.sourceServerId,
    targetServerId: values.targetServerId,
    directories: values.directories.map((d) => d.trim()).filter(Boolean),
    replicaRoot: values.replicaRoot.trim(),
    options: toOptions(values, JobOptionsSchema.parse({})),
  };
}

/** Only what changed, and only what the job's state lets change (the actions API's editable fields). */
export function toUpdateJobInput(values: JobFormValues, job: Job, editable: readonly EditableJobField[]): UpdateJobRequest & Record<string, unknown> {
  const initial = jobToFormValues(job);
  const create = toCreateJobInput(values);
  const before = toCreateJobInput(initial);
  const patch: Record<string, unknown> = {};
  for (const field of editable) {
    const next = field === 'options' ? toOptions(values, job.options) : create[field];
    const previous = field === 'options' ? toOptions(initial, job.options) : before[field];
    if (JSON.stringify(next) !== JSON.stringify(previous)) patch[field] = next;
  }
  return { ...patch, expectedVersion: job.version };
}

export type CreateJobInput = CreateJobRequest;

/** Which wizard step holds a field (by its API path), so an error sends the user to the right step. */
export function stepOfField(path: string): WizardStep {
  if (path === 'type' || path === 'name') return 'type';
  if (path === 'sourceServerId' || path === 'targetServerId') return 'servers';
  if (path === 'directories' || path.startsWith('directories.') || path === 'replicaRoot') return 'replication';
  if (path.startsWith('options.testFailover') || path.startsWith('options.adapterMapping')) return 'test';
  if (path.startsWith('options.snapshotSchedule')) return 'snapshots';
  if (path.startsWith('options.')) return 'failover';
  return 'review';
}

export type WizardStep = 'type' | 'servers' | 'replication' | 'failover' | 'test' | 'snapshots' | 'review';

export function wizardSteps(type: JobType): WizardStep[] {
  return type === 'full-server' ? ['type', 'servers', 'replication', 'failover', 'test', 'snapshots', 'review'] : ['type', 'servers', 'replication', 'failover', 'snapshots', 'review'];
}

export const wizardStepLabels: Record<WizardStep, string> = {
  type: 'Type and name',
  servers: 'Source and target',
  replication: 'Replication set',
  failover: 'Failover options',
  test: 'Test failover',
  snapshots: 'Snapshots',
  review: 'Review',
};

/** The form fields a wizard step shows, by the editable field of the API they belong to. */
export const stepEditableField: Record<WizardStep, EditableJobField | null> = {
  type: 'name',
  servers: 'sourceServerId',
  replication: 'directories',
  failover: 'options',
  test: 'options',
  snapshots: 'options',
  review: null,
};

/** The failover condition's window, as the Failover options step and the review say it. */
export function monitoringWindowText(values: Pick<JobFormValues, 'missedHeartbeats' | 'heartbeatIntervalSeconds'>): string {
  const seconds = Number(values.missedHeartbeats) * Number(values.heartbeatIntervalSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? `${seconds} seconds without a heartbeat meets the failover condition` : '—';
}
