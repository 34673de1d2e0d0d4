import { Alert } from '../../../components/alert.tsx';
import { SelectField } from '../../../components/form-field.tsx';
import type { Wizard } from './use-wizard.ts';

/** Step 2: the source to protect and the target that receives the replica. */
export function WizardServersStep({ wizard, hasServers }: { wizard: Wizard; hasServers: boolean }) {
  const { values, set, errors, isEditable, lockReason, serverOptions } = wizard;
  return (
    <>
      <SelectField
        label="Source server"
        value={values.sourceServerId}
        onValueChange={(v) => set('sourceServerId', v)}
        options={serverOptions}
        error={errors.sourceServerId}
        disabled={!isEditable('sourceServerId')}
        hint={lockReason('sourceServerId') ?? 'The server to protect.'}
      />
      <SelectField
        label="Target server"
        value={values.targetServerId}
        onValueChange={(v) => set('targetServerId', v)}
        options={serverOptions}
        error={errors.targetServerId}
        disabled={!isEditable('targetServerId')}
        hint={lockReason('targetServerId') ?? 'Receives the replica and stands in for the source on failover. A target still linked to a failed-over job is refused until that job is deleted.'}
      />
      {hasServers ? null : <Alert tone="info">There are no servers yet: add the source and the target on the Servers page first.</Alert>}
    </>
  );
}
