import { TextField } from '../../../components/form-field.tsx';
import type { JobFormValues } from '../job-form-values.ts';
import type { Wizard } from './use-wizard.ts';

type NumberFieldKey = 'missedHeartbeats' | 'heartbeatIntervalSeconds' | 'snapshotIntervalMinutes' | 'snapshotKeep';

/** A narrow numeric field of the wizard: its value, its setter and the API's error for `errorPath`. */
export function WizardNumberField({ wizard, field, label, errorPath }: { wizard: Wizard; field: NumberFieldKey & keyof JobFormValues; label: string; errorPath: string }) {
  return (
    <TextField
      label={label}
      inputMode="numeric"
      className="input-narrow"
      value={wizard.values[field]}
      onValueChange={(v) => wizard.set(field, v)}
      error={wizard.errors[errorPath]}
    />
  );
}
