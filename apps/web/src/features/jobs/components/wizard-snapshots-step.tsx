import { CheckboxField, TextField } from '../../../components/form-field.tsx';
import type { Wizard } from './use-wizard.ts';

/** The snapshot schedule of the target. */
export function WizardSnapshotsStep({ wizard }: { wizard: Wizard }) {
  const { values, set, errors, isEditable } = wizard;
  return (
    <fieldset className="fieldset form-section" disabled={!isEditable('options')}>
      <legend className="visually-hidden">Snapshot schedule</legend>
      <CheckboxField
        label="Take scheduled snapshots of the target"
        checked={values.isSnapshotScheduleEnabled}
        onCheckedChange={(v) => set('isSnapshotScheduleEnabled', v)}
        hint="A snapshot that cannot be taken on time (the job not in a good state, or a test running) is taken late as Deferred."
      />
      {values.isSnapshotScheduleEnabled ? (
        <div className="inline-fields">
          <TextField
            label="Every (minutes)"
            inputMode="numeric"
            className="input-narrow"
            value={values.snapshotIntervalMinutes}
            onValueChange={(v) => set('snapshotIntervalMinutes', v)}
            error={errors['options.snapshotSchedule.intervalMinutes']}
          />
          <TextField
            label="Keep (snapshots)"
            inputMode="numeric"
            className="input-narrow"
            value={values.snapshotKeep}
            onValueChange={(v) => set('snapshotKeep', v)}
            error={errors['options.snapshotSchedule.keep']}
          />
        </div>
      ) : null}
    </fieldset>
  );
}
