import { TextField } from '../../../components/form-field.tsx';
import { ListField } from '../../../components/list-field.tsx';
import type { Wizard } from './use-wizard.ts';

/** Step 3: the directories replicated (a Full Server's volumes) and where the target keeps them. */
export function WizardReplicationStep({ wizard }: { wizard: Wizard }) {
  const { values, set, errors, isEditable, lockReason } = wizard;
  return (
    <>
      <ListField
        legend={values.type === 'full-server' ? 'Volumes (directories) of the server' : 'Replication set (directories on the source)'}
        hint={lockReason('directories') ?? 'Absolute paths, not nested in one another.'}
        items={values.directories}
        onItemsChange={(items) => set('directories', items)}
        itemLabel={(i) => `Directory ${i + 1}`}
        removeLabel={(i) => `Remove directory ${i + 1}`}
        addLabel="Add directory"
        emptyText="No directories yet."
        placeholder="/srv/data"
        error={errors.directories}
        itemErrors={Object.fromEntries(values.directories.map((_, i) => [i, errors[`directories.${i}`]]))}
      />
      <TextField
        label="Replica root on the target"
        value={values.replicaRoot}
        onValueChange={(v) => set('replicaRoot', v)}
        error={errors.replicaRoot}
        placeholder="/replica"
        isRequired
        disabled={!isEditable('replicaRoot')}
        hint={lockReason('replicaRoot') ?? 'Where the target keeps the replica (an absolute path, not /).'}
      />
    </>
  );
}
