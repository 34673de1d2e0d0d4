import { useId } from 'react';
import { Alert } from '../../../components/alert.tsx';
import { Button } from '../../../components/button.tsx';
import { CheckboxField, SelectField } from '../../../components/form-field.tsx';
import type { FieldErrors } from '../../../lib/form-errors.ts';
import type { JobFormValues } from '../job-form-values.ts';
import { AdapterSelect } from './adapter-select.tsx';
import type { Wizard, WizardServer } from './use-wizard.ts';

/** Step 5 (Full Server): the test failover machine, the live failover adapter mapping, the test snapshot on undo. */
export function WizardTestStep({ wizard }: { wizard: Wizard }) {
  const { values, set, errors, isEditable, serverOptions, source, target, test } = wizard;
  return (
    <fieldset className="fieldset form-section" disabled={!isEditable('options')}>
      <legend className="visually-hidden">Test failover settings</legend>
      <SelectField
        label="Test failover machine"
        value={values.testServerId}
        onValueChange={(v) => set('testServerId', v)}
        options={[{ value: '', label: 'None (no test failover)' }, ...serverOptions.slice(1)]}
        error={errors['options.testFailover.testServerId']}
        hint="A third server. It keeps its own identity and an isolated network during the test; its adapters must have the mapped target friendly names."
      />
      <AdapterMapping values={values} onChange={(m) => set('adapterMapping', m)} source={source} target={target} test={test} errors={errors} />
      <CheckboxField
        label="Keep the test snapshot on undo"
        checked={values.keepSnapshotOnUndo}
        onCheckedChange={(v) => set('keepSnapshotOnUndo', v)}
        hint="Undo Failover or Cutover keeps or deletes the snapshot the test used."
      />
    </fieldset>
  );
}

interface AdapterMappingProps {
  values: JobFormValues;
  onChange: (mapping: JobFormValues['adapterMapping']) => void;
  source: WizardServer | undefined;
  target: WizardServer | undefined;
  test: WizardServer | undefined;
  errors: FieldErrors;
}

/** Live failover adapter mapping: source friendly name → target friendly name. */
function AdapterMapping({ values, onChange, source, target, test, errors }: AdapterMappingProps) {
  const id = useId();
  const rows = values.adapterMapping;
  const update = (index: number, side: 'source' | 'target', value: string) => onChange(rows.map((row, i) => (i === index ? { ...row, [side]: value } : row)));
  const missingOnTest = test ? rows.map((r) => r.target).filter((name) => name && !test.networkAdapters.includes(name)) : [];
  return (
    <fieldset className="field fieldset" aria-describedby={`${id}-hint`}>
      <legend className="field-label">Network adapter mapping (live failover)</legend>
      <p id={`${id}-hint`} className="field-hint">
        Each source adapter’s friendly name and the target adapter that takes its place. The test failover machine must have adapters with the mapped target names, or the test
        fails.
      </p>
      {rows.length === 0 ? <p className="list-field-empty">No adapters mapped.</p> : null}
      <ul className="plain-list adapter-rows">
        {rows.map((row, index) => (
          <li key={index} className="adapter-row">
            <AdapterSelect label={`Source adapter ${index + 1}`} adapters={source?.networkAdapters ?? []} value={row.source} onValueChange={(v) => update(index, 'source', v)} error={errors[`options.adapterMapping.${index}.source`]} />
            <span aria-hidden="true" className="adapter-arrow">
              →
            </span>
            <AdapterSelect label={`Target adapter ${index + 1}`} adapters={target?.networkAdapters ?? []} value={row.target} onValueChange={(v) => update(index, 'target', v)} error={errors[`options.adapterMapping.${index}.target`]} />
            <Button variant="ghost" onClick={() => onChange(rows.filter((_, i) => i !== index))} aria-label={`Remove adapter mapping ${index + 1}`}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <Button onClick={() => onChange([...rows, { source: '', target: '' }])}>Add adapter mapping</Button>
      {missingOnTest.length > 0 ? (
        <Alert tone="warning" title="The test failover would fail">
          {test?.name} has no adapter named {missingOnTest.map((n) => `“${n}”`).join(', ')}.
        </Alert>
      ) : null}
    </fieldset>
  );
}
