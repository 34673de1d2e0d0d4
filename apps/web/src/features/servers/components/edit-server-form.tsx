import { useEffect, useRef, useState, type FormEvent } from 'react';
import { UpdateServerRequestSchema, type Server } from '@syncsafe/contracts';
import { Button } from '../../../components/button.tsx';
import { Alert } from '../../../components/alert.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { focusFirstInvalid, toFieldErrors } from '../../../lib/form-errors.ts';
import { useUpdateServer } from '../api/update-server.ts';
import { hasPropertyChanges, sameEditableProperties, serverToFormValues, toUpdateServerInput } from '../server-form-values.ts';
import { useServerForm } from '../use-server-form.ts';
import { ServerFields, unplacedErrors } from './server-fields.tsx';

interface EditServerFormProps {
  /** The latest copy of the server (refetched after licence changes). */
  server: Server;
  onSaved: (server: Server) => void;
  onCancel: () => void;
  /** Refetches the server and returns the fresh copy. */
  onReload: () => Promise<Server | undefined>;
}

/**
 * The properties part of Edit Server Properties. The version the user opened travels with the
 * save; if someone else saved in between, the API answers 409 and we offer to reload.
 */
export function EditServerForm({ server, onSaved, onCancel, onReload }: EditServerFormProps) {
  const { values, setValues, errors, setErrors, setField } = useServerForm(() => serverToFormValues(server));
  const [baseline, setBaseline] = useState(server);
  const [hasConflict, setHasConflict] = useState(false);
  const updateServer = useUpdateServer(server.id);
  const formRef = useRef<HTMLFormElement>(null);

  const isDirty = hasPropertyChanges(toUpdateServerInput(values, baseline));

  // A refetched server with a new version: a licence change on this page leaves these fields
  // alone, so adopt it silently; someone else's edit replaces the form only if the user has typed
  // nothing (otherwise their save meets the 409 below and they choose to reload).
  useEffect(() => {
    if (server.version === baseline.version) return;
    if (sameEditableProperties(server, baseline)) setBaseline(server);
    else if (!isDirty) {
      setBaseline(server);
      setValues(serverToFormValues(server));
    }
  }, [server, baseline, isDirty, setValues]);

  function showErrors(next: Record<string, string>) {
    setErrors(next);
    requestAnimationFrame(() => focusFirstInvalid(formRef.current));
  }

  async function reload() {
    const fresh = await onReload();
    if (fresh) {
      setBaseline(fresh);
      setValues(serverToFormValues(fresh));
    }
    setErrors({});
    setHasConflict(false);
    updateServer.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = toUpdateServerInput(values, baseline);
    if (!hasPropertyChanges(input)) return onSaved(server);
    const parsed = UpdateServerRequestSchema.safeParse(input);
    if (!parsed.success) return showErrors(toFieldErrors(parsed.error));
    setErrors({});
    setHasConflict(false);
    updateServer.mutate(parsed.data, {
      onSuccess: onSaved,
      onError: async (error) => {
        if (!isApiError(error)) return;
        if (Object.keys(error.fieldErrors).length > 0) return showErrors(error.fieldErrors);
        // A 409 is either a stale version or a real conflict (e.g. address:port taken): the
        // current version tells them apart without parsing the message.
        if (error.status === 409) {
          const fresh = await onReload();
          if (fresh && fresh.version !== baseline.version) setHasConflict(true);
        }
      },
    });
  }

  const requestError = updateServer.error;
  const otherErrors = unplacedErrors(errors);
  return (
    <form ref={formRef} className="form panel" onSubmit={submit} noValidate aria-labelledby="edit-properties-title">
      <h2 id="edit-properties-title">Properties</h2>
      {hasConflict ? (
        <Alert title="Someone else changed this server">
          <p>It was changed after you opened it, so your changes were not saved. Reload to see the current properties, then make your changes again.</p>
          <Button onClick={reload}>Reload server</Button>
        </Alert>
      ) : Object.keys(errors).length > 0 ? (
        <Alert title="Check the highlighted fields">{otherErrors.length > 0 ? otherErrors.map((m) => <p key={m}>{m}</p>) : null}</Alert>
      ) : requestError && !(isApiError(requestError) && Object.keys(requestError.fieldErrors).length > 0) ? (
        <Alert title="The changes were not saved">{requestError.message}</Alert>
      ) : null}
      <ServerFields values={values} onChange={setField} errors={errors} mode="edit" />
      <div className="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isBusy={updateServer.isPending}>
          {updateServer.isPending ? 'Saving…' : 'OK'}
        </Button>
      </div>
    </form>
  );
}
