import { CheckboxField } from '../../../components/form-field.tsx';
import type { Wizard } from './use-wizard.ts';
import { WizardNumberField } from './wizard-number-field.tsx';

/** The snapshot schedule of the target. */
export function WizardSnapshotsStep({ wizard }: { wizard: Wizard }) {
  const { values, set, isEditable } = wizard;
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
          <WizardNumberField wizard={wizard} field="snapshotIntervalMinutes" label="Every (minutes)" errorPath="options.snapshotSchedule.intervalMinutes" />
          <WizardNumberField wizard={wizard} field="snapshotKeep" label="Keep (snapshots)" errorPath="options.snapshotSchedule.keep" />
        </div>
      ) : null}
    </fieldset>
  );
}
