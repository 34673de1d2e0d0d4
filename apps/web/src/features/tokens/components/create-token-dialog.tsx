import { useState, type FormEvent } from 'react';
import { CreateApiTokenRequestSchema, roleRank, type Role } from '@syncsafe/contracts';
import { Dialog } from '../../../components/dialog.tsx';
import { Button } from '../../../components/button.tsx';
import { Alert } from '../../../components/alert.tsx';
import { SelectField, TextField } from '../../../components/form-field.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { toFieldErrors, type FieldErrors } from '../../../lib/form-errors.ts';
import { roleLabels, roles } from '../../../lib/roles.ts';
import { useCreateToken, type CreatedToken } from '../api/create-token.ts';
import { TokenSecret } from './token-secret.tsx';

interface CreateTokenDialogProps {
  isOpen: boolean;
  onClose: () => void;
  ownRole: Role;
}

export function CreateTokenDialog({ isOpen, onClose, ownRole }: CreateTokenDialogProps) {
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Dialog
      title={created ? 'API token created' : 'Create API token'}
      description={created ? `Token “${created.token.name}” (${roleLabels[created.token.role]}).` : 'For scripts and automation. A token never has more rights than you.'}
      isOpen={isOpen}
      onClose={close}
    >
      {created ? (
        <>
          <TokenSecret secret={created.secret} />
          <div className="form-actions">
            <Button variant="primary" onClick={close}>
              Done
            </Button>
          </div>
        </>
      ) : (
        <CreateTokenForm ownRole={ownRole} onCancel={close} onCreated={setCreated} />
      )}
    </Dialog>
  );
}

function CreateTokenForm({ ownRole, onCancel, onCreated }: { ownRole: Role; onCancel: () => void; onCreated: (created: CreatedToken) => void }) {
  const allowedRoles = roles.filter((role) => roleRank[role] <= roleRank[ownRole]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(allowedRoles[0] ?? 'auditor');
  const [expiresInDays, setExpiresInDays] = useState('90');
  const [errors, setErrors] = useState<FieldErrors>({});
  const createToken = useCreateToken();

  function submit(event: FormEvent) {
    event.preventDefault();
    const days = expiresInDays.trim();
    const parsed = CreateApiTokenRequestSchema.safeParse({
      name,
      role,
      expiresInDays: days === '' ? undefined : /^\d+$/.test(days) ? Number(days) : Number.NaN,
    });
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error));
    setErrors({});
    createToken.mutate(parsed.data, { onSuccess: onCreated, onError: (e) => isApiError(e) && setErrors(e.fieldErrors) });
  }

  const error = createToken.error;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Create API token">
      {error && !(isApiError(error) && Object.keys(error.fieldErrors).length > 0) ? <Alert title="The token was not created">{error.message}</Alert> : null}
      <TextField label="Name" name="name" value={name} onValueChange={setName} error={errors.name} hint="What uses it, e.g. “nightly report script”." autoComplete="off" isRequired />
      <SelectField
        label="Role"
        name="role"
        value={role}
        onValueChange={setRole}
        options={allowedRoles.map((r) => ({ value: r, label: roleLabels[r] }))}
        error={errors.role}
        hint={`At most your own role (${roleLabels[ownRole]}).`}
      />
      <TextField
        label="Expires after (days)"
        name="expiresInDays"
        inputMode="numeric"
        value={expiresInDays}
        onValueChange={setExpiresInDays}
        error={errors.expiresInDays}
        hint="1 to 3650. Leave empty for a token that lives until revoked."
        autoComplete="off"
        className="input-narrow"
      />
      <div className="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isBusy={createToken.isPending}>
          Create token
        </Button>
      </div>
    </form>
  );
}
