import { useState, type FormEvent } from 'react';
import { AddLicenseRequestSchema, type Server } from '@syncsafe/contracts';
import { Button } from '../../../components/button.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { Alert } from '../../../components/alert.tsx';
import { useToast } from '../../../components/toast.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useAddLicense } from '../api/add-license.ts';
import { useRemoveLicense } from '../api/remove-license.ts';

/** Edit Server Properties → Licensing: enter a key and click Add; remove keys from Current license keys. Each saves at once. */
export function LicensingSection({ server }: { server: Server }) {
  const [key, setKey] = useState('');
  const [keyError, setKeyError] = useState<string | undefined>();
  const addLicense = useAddLicense(server.id);
  const removeLicense = useRemoveLicense(server.id);
  const { showToast } = useToast();

  function add(event: FormEvent) {
    event.preventDefault();
    const parsed = AddLicenseRequestSchema.safeParse({ key });
    if (!parsed.success) {
      setKeyError(parsed.error.issues[0]?.message ?? 'License key is not valid');
      return;
    }
    setKeyError(undefined);
    addLicense.mutate(parsed.data.key, {
      onSuccess: () => {
        setKey('');
        showToast(`License key ${parsed.data.key} added`);
      },
      onError: (error) => setKeyError(isApiError(error) ? (error.fieldErrors.key ?? error.message) : 'The license key was not added'),
    });
  }

  function remove(licenseKey: string) {
    removeLicense.mutate(licenseKey, { onSuccess: () => showToast(`License key ${licenseKey} removed`) });
  }

  return (
    <section className="panel" aria-labelledby="licensing-title">
      <h2 id="licensing-title">Licensing</h2>
      <form className="inline-form" onSubmit={add} noValidate aria-label="Add license key">
        <TextField
          label="License key"
          name="licenseKey"
          value={key}
          onValueChange={(value) => {
            setKey(value);
            setKeyError(undefined);
          }}
          error={keyError}
          placeholder="XXXX-XXXX-XXXX-XXXX"
          autoComplete="off"
          spellCheck={false}
          className="mono"
        />
        <Button type="submit" isBusy={addLicense.isPending}>
          Add
        </Button>
      </form>
      <h3 className="panel-subtitle" id="current-license-keys">
        Current license keys
      </h3>
      {removeLicense.isError ? <Alert title="The license key was not removed">{removeLicense.error.message}</Alert> : null}
      {server.licenses.length === 0 ? (
        <p className="muted">No license keys.</p>
      ) : (
        <ul className="license-list" aria-labelledby="current-license-keys">
          {server.licenses.map((license) => (
            <li key={license.key}>
              <span className="mono">{license.key}</span>
              <span className="muted small">added {formatDateTime(license.addedAt)}</span>
              <Button
                variant="ghost"
                onClick={() => remove(license.key)}
                isBusy={removeLicense.isPending && removeLicense.variables === license.key}
                aria-label={`Remove license key ${license.key}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
