import { useState, type FormEvent } from 'react';
import { CreateUserRequestSchema, type Role, type User } from '@syncsafe/contracts';
import { Dialog } from '../../../components/dialog.tsx';
import { Button } from '../../../components/button.tsx';
import { Alert } from '../../../components/alert.tsx';
import { SelectField, TextField } from '../../../components/form-field.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { toFieldErrors, type FieldErrors } from '../../../lib/form-errors.ts';
import { roleDescriptions, roleLabels, roles } from '../../../lib/roles.ts';
import { useCreateUser } from '../api/create-user.ts';

const roleOptions = roles.map((role) => ({ value: role, label: `${roleLabels[role]} — ${roleDescriptions[role]}` }));

export function CreateUserDialog({ isOpen, onClose, onCreated }: { isOpen: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  return (
    <Dialog title="Create user" description="The user signs in with this username and password." isOpen={isOpen} onClose={onClose}>
      <CreateUserForm onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function CreateUserForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (user: User) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [errors, setErrors] = useState<FieldErrors>({});
  const createUser = useCreateUser();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateUserRequestSchema.safeParse({ username, password, role });
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error));
    setErrors({});
    createUser.mutate(parsed.data, {
      onSuccess: onCreated,
      onError: (error) => isApiError(error) && setErrors(error.fieldErrors),
    });
  }

  const error = createUser.error;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Create user">
      {error && !(isApiError(error) && Object.keys(error.fieldErrors).length > 0) ? <Alert title="The user was not created">{error.message}</Alert> : null}
      <TextField label="Username" name="username" value={username} onValueChange={setUsername} error={errors.username} autoComplete="off" spellCheck={false} isRequired />
      <TextField
        label="Password"
        name="password"
        type="password"
        value={password}
        onValueChange={setPassword}
        error={errors.password}
        hint="At least 12 characters."
        autoComplete="new-password"
        isRequired
      />
      <SelectField label="Role" name="role" value={role} onValueChange={setRole} options={roleOptions} error={errors.role} />
      <div className="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isBusy={createUser.isPending}>
          Create user
        </Button>
      </div>
    </form>
  );
}
