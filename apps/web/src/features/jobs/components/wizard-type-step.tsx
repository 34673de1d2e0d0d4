import { jobTypeLabels, type JobType } from '@syncsafe/contracts';
import { TextField } from '../../../components/form-field.tsx';
import { RadioGroupField } from '../../../components/radio-group-field.tsx';
import type { Wizard } from './use-wizard.ts';

const typeHints: Record<JobType, string> = {
  'files-and-folders': 'Replicates a set of directories from the source to the target; on failover the target stands in for the source.',
  'full-server': 'Moves the whole server: name, addresses and system state. On live failover the target reboots into the source identity.',
};

/** Step 1: the job's type (fixed once created) and its name. */
export function WizardTypeStep({ wizard, isEdit }: { wizard: Wizard; isEdit: boolean }) {
  const { values, set, errors, isEditable, lockReason } = wizard;
  return (
    <>
      {isEdit ? (
        <p>
          Type: <strong>{jobTypeLabels[values.type]}</strong> (a job’s type cannot change).
        </p>
      ) : (
        <RadioGroupField
          legend="Job type"
          name="job-type"
          value={values.type}
          onValueChange={(type) => set('type', type)}
          error={errors.type}
          options={(['files-and-folders', 'full-server'] as const).map((t) => ({ value: t, label: jobTypeLabels[t], hint: typeHints[t] }))}
        />
      )}
      <TextField label="Job name" value={values.name} onValueChange={(v) => set('name', v)} error={errors.name} isRequired disabled={!isEditable('name')} hint={lockReason('name')} />
    </>
  );
}
