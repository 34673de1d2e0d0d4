import type { FieldErrors } from '../../../lib/form-errors.ts';
import { CheckboxField, TextField } from '../../../components/form-field.tsx';
import { RadioGroupField } from '../../../components/radio-group-field.tsx';
import { ListField } from '../../../components/list-field.tsx';
import { addressKindOptions } from '../address-kinds.ts';
import type { ServerFormValues } from '../server-form-values.ts';

interface ServerFieldsProps {
  values: ServerFormValues;
  onChange: <K extends keyof ServerFormValues>(field: K, value: ServerFormValues[K]) => void;
  errors: FieldErrors;
  mode: 'create' | 'edit';
}

/** `networkAdapters.1` → {1: message}, for the row inputs of a list. */
function rowErrors(errors: FieldErrors, list: string): Record<number, string> {
  const rows: Record<number, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const match = new RegExp(`^${list}\\.(\\d+)$`).exec(key);
    if (match) rows[Number(match[1])] = message;
  }
  return rows;
}

/** The server's properties, shared by the Add Server dialog and Edit Server Properties. */
export function ServerFields({ values, onChange, errors, mode }: ServerFieldsProps) {
  return (
    <>
      <div className="form-section">
        <h3 className="form-section-title">Address</h3>
        <TextField
          label="Address"
          name="address"
          value={values.address}
          onValueChange={(v) => onChange('address', v)}
          error={errors.address}
          hint={
            mode === 'edit'
              ? 'IPv4, IPv6 or host name. Changing it keeps this server’s identity, its jobs and its history.'
              : 'IPv4 address, IPv6 address or host name.'
          }
          autoComplete="off"
          spellCheck={false}
          isRequired
        />
        <RadioGroupField
          legend="Address kind"
          name="addressKind"
          value={values.addressKind}
          onValueChange={(v) => onChange('addressKind', v)}
          options={addressKindOptions}
          error={errors.addressKind}
        />
        <TextField
          label="Port"
          name="port"
          inputMode="numeric"
          value={values.port}
          onValueChange={(v) => onChange('port', v)}
          error={errors.port}
          hint="Communication port of the server’s agent: 6320 by default; a server behind public NAT may need another."
          autoComplete="off"
          className="input-narrow"
        />
        <TextField
          label="Display name"
          name="name"
          value={values.name}
          onValueChange={(v) => onChange('name', v)}
          error={errors.name}
          hint={mode === 'create' ? 'Optional. The address is used when you leave it empty.' : undefined}
          autoComplete="off"
          isRequired={mode === 'edit'}
        />
      </div>

      <div className="form-section">
        <h3 className="form-section-title">Local account</h3>
        <p className="form-section-hint">A local account (not a domain account) that is a member of the server’s administrators group.</p>
        <TextField
          label="Local account name"
          name="username"
          value={values.username}
          onValueChange={(v) => onChange('username', v)}
          error={errors.username}
          autoComplete="off"
          spellCheck={false}
          isRequired
        />
        <TextField
          label={mode === 'edit' ? 'New password' : 'Password'}
          name="password"
          type="password"
          value={values.password}
          onValueChange={(v) => onChange('password', v)}
          error={errors.password}
          hint={mode === 'edit' ? 'Leave empty to keep the current password. It is stored encrypted and never shown.' : 'Stored encrypted; never shown again.'}
          autoComplete="new-password"
          isRequired={mode === 'create'}
        />
      </div>

      <div className="form-section">
        <h3 className="form-section-title">Configuration and roles</h3>
        <CheckboxField label="Clustered" checked={values.isClustered} onCheckedChange={(v) => onChange('isClustered', v)} hint="The server is a node of a cluster (failover leaves cluster resources online or takes them offline)." />
        <CheckboxField label="Domain controller" checked={values.isDomainController} onCheckedChange={(v) => onChange('isDomainController', v)} hint="A domain controller source cannot be reversed automatically after a full server failover." />
        <CheckboxField
          label="Name-specific application"
          checked={values.hasNameSpecificApp}
          onCheckedChange={(v) => onChange('hasNameSpecificApp', v)}
          hint="Runs an application tied to the server’s name, such as Exchange."
        />
        <ListField
          legend="Network adapters"
          hint="Friendly names exactly as the server shows them; test failover maps adapters by these names."
          items={values.networkAdapters}
          onItemsChange={(v) => onChange('networkAdapters', v)}
          itemLabel={(i) => `Network adapter ${i + 1} friendly name`}
          removeLabel={(i) => `Remove network adapter ${i + 1}`}
          addLabel="Add network adapter"
          emptyText="No network adapters listed."
          placeholder="e.g. Production NIC"
          itemErrors={rowErrors(errors, 'networkAdapters')}
          error={errors.networkAdapters}
        />
      </div>

      {mode === 'create' ? (
        <div className="form-section">
          <h3 className="form-section-title">Licensing</h3>
          <ListField
            legend="License keys"
            items={values.licenses}
            onItemsChange={(v) => onChange('licenses', v)}
            itemLabel={(i) => `License key ${i + 1}`}
            removeLabel={(i) => `Remove license key ${i + 1}`}
            addLabel="Add license key"
            emptyText="No license keys yet. You can add them later in Edit Server Properties."
            placeholder="XXXX-XXXX-XXXX-XXXX"
            itemErrors={rowErrors(errors, 'licenses')}
            error={errors.licenses}
          />
        </div>
      ) : null}
    </>
  );
}

/** Errors the fields above do not show (e.g. a refine on the whole object), to show above the form. */
export function unplacedErrors(errors: FieldErrors): string[] {
  const placed = /^(name|address|addressKind|port|username|password|networkAdapters|licenses)(\.\d+)?$/;
  return Object.entries(errors)
    .filter(([key]) => !placed.test(key))
    .map(([, message]) => message);
}
