import { type EditableJobField, EditableJobFieldSchema, type JobState, jobStateLabels } from '@syncsafe/contracts';
import type { EditInput } from './job-input.ts';

const ALL_FIELDS = EditableJobFieldSchema.options;

/**
 * What an edit may change in each state that allows Edit. Stopped: everything (the spec: after a
 * restore to a new source, edit the job before Start). Protecting: its name and options, not the
 * machines or the replication set in use. Failed over (and in Error): only its name, because the
 * machines and settings are in use by the failover.
 */
export const EDITABLE_FIELDS: Partial<Record<JobState, readonly EditableJobField[]>> = {
  stopped: ALL_FIELDS,
  protecting: ['name', 'options'],
  'failover-condition-met': ['name', 'options'],
  'test-failed-over': ['name'],
  'failed-over': ['name'],
  restored: ['name'],
  'failed-back': ['name'],
  error: ['name'],
};

export function editableFields(state: JobState): readonly EditableJobField[] {
  return EDITABLE_FIELDS[state] ?? [];
}

/** The first field of an edit that the state does not let change, with the reason. */
export function checkEditFields(state: JobState, input: EditInput): { field: string; reason: string } | null {
  const allowed = editableFields(state);
  const field = (input.fields ?? []).find((f) => !allowed.includes(f));
  if (!field) return null;
  const why = allowed.includes('options')
    ? 'stop the job to change its servers or replication set'
    : "the job's machines and settings are in use by a failover; only its name can change";
  return { field, reason: `${field} cannot be changed while the job is ${jobStateLabels[state]}: ${why}.` };
}
