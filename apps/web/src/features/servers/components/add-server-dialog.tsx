import { useRef, type FormEvent } from 'react';
import { CreateServerRequestSchema, type Server } from '@syncsafe/contracts';
import { Dialog } from '../../../components/dialog.tsx';
import { Button } from '../../../components/button.tsx';
import { Alert } from '../../../components/alert.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { focusFirstInvalid, toFieldErrors } from '../../../lib/form-errors.ts';
import { useCreateServer } from '../api/create-server.ts';
import { emptyServerFormValues, toCreateServerInput } from '../server-form-values.ts';
import { useServerForm } from '../use-server-form.ts';
import { ServerFields, unplacedErrors } from './server-fields.tsx';

interface AddServerDialogProps {
  isOpen: boolean;
  onClose: () => void;
  onAdded: (server: Server) => void;
}

export function AddServerDialog({ isOpen, onClose, onAdded }: AddServerDialogProps) {
  return (
    <Dialog
      title="Add Server"
      description="Add a server by its address and a local account. The console reaches the server’s agent at address:port."
      isOpen={isOpen}
      onClose={onClose}
      size="large"
    >
      <AddServerForm onCancel={onClose} onAdded={onAdded} />
    </Dialog>
  );
}

function AddServerForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: (server: Server) => void }) {
  const { values, errors, setErrors, setField } = useServerForm(emptyServerFormValues);
  const createServer = useCreateServer();
  const formRef = useRef<HTMLFormElement>(null);

  function showErrors(next: Record<string, string>) {
    setErrors(next);
    requestAnimationFrame(() => focusFirstInvalid(formRef.current));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateServerRequestSchema.safeParse(toCreateServerInput(values));
    if (!parsed.success) return showErrors(toFieldErrors(parsed.error));
    setErrors({});
    createServer.mutate(parsed.data, {
      onSuccess: (server) => onAdded(server),
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) showErrors(error.fieldErrors);
      },
    });
  }

  const requestError = createServer.error;
  const hasFieldErrors = Object.keys(errors).length > 0;
  const otherErrors = unplacedErrors(errors);
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="Add Server">
      {hasFieldErrors ? (
        <Alert title="Check the highlighted fields">
          {otherErrors.length > 0 ? otherErrors.map((message) => <p key={message}>{message}</p>) : null}
        </Alert>
      ) : requestError && !(isApiError(requestError) && Object.keys(requestError.fieldErrors).length > 0) ? (
        <Alert title="The server was not added">{requestError.message}</Alert>
      ) : null}
      <ServerFields values={values} onChange={setField} errors={errors} mode="create" />
      <div className="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isBusy={createServer.isPending}>
          {createServer.isPending ? 'Adding…' : 'Add Server'}
        </Button>
      </div>
    </form>
  );
}
