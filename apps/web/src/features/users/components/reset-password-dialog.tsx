import { useState, type FormEvent } from 'react';
import { NewPasswordSchema, type User } from '@syncsafe/contracts';
import { Dialog } from '../../../components/dialog.tsx';
import { Button } from '../../../components/button.tsx';
import { Alert } from '../../../components/alert.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useUpdateUser } from '../api/update-user.ts';

export function ResetPasswordDialog({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: (user: User) => void }) {
  return (
    <Dialog
      title="Reset password"
      description={user ? `Set a new password for ${user.username}. Tell them the new password through a safe channel.` : undefined}
      isOpen={user !== null}
      onClose={onClose}
    >
      {user ? <ResetPasswordForm key={user.id} user={user} onCancel={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function ResetPasswordForm({ user, onCancel, onDone }: { user: User; onCancel: () => void; onDone: (user: User) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const updateUser = useUpdateUser();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = NewPasswordSchema.safeParse(password);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    updateUser.mutate(
      { userId: user.id, request: { password: parsed.data } },
      { onSuccess: onDone, onError: (e) => isApiError(e) && setError(e.fieldErrors.password) },
    );
  }

  const requestError = updateUser.error;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Reset password of ${user.username}`}>
      {requestError && !(isApiError(requestError) && requestError.fieldErrors.password) ? <Alert title="The password was not changed">{requestError.message}</Alert> : null}
      <TextField
        label="New password"
        name="password"
        type="password"
        value={password}
        onValueChange={setPassword}
        error={error}
        hint="At least 12 characters."
        autoComplete="new-password"
        isRequired
      />
      <div className="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isBusy={updateUser.isPending}>
          Set password
        </Button>
      </div>
    </form>
  );
}
