import { useRef, useState, type FormEvent } from 'react';
import { LoginRequestSchema, type MeResponse } from '@syncsafe/contracts';
import { Button } from '../../../components/button.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { Alert } from '../../../components/alert.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { focusFirstInvalid, toFieldErrors, type FieldErrors } from '../../../lib/form-errors.ts';
import { useLogIn } from '../api/log-in.ts';

function describeLoginError(error: unknown): { title: string; message: string } {
  if (isApiError(error) && error.status === 401) return { title: 'Sign-in failed', message: error.message || 'Incorrect username or password.' };
  if (isApiError(error) && error.status === 429) return { title: 'Too many attempts', message: error.message };
  return { title: 'Sign-in failed', message: error instanceof Error ? error.message : 'Something went wrong.' };
}

export function LoginForm({ onSignedIn }: { onSignedIn: (me: MeResponse) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const logIn = useLogIn();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = LoginRequestSchema.safeParse({ username, password });
    if (!parsed.success) {
      setFieldErrors(toFieldErrors(parsed.error));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setFieldErrors({});
    logIn.mutate(parsed.data, {
      onSuccess: onSignedIn,
      onError: (error) => {
        if (isApiError(error)) setFieldErrors(error.fieldErrors);
      },
    });
  }

  const failure = logIn.isError ? describeLoginError(logIn.error) : null;
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="Sign in">
      {failure ? <Alert title={failure.title}>{failure.message}</Alert> : null}
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onValueChange={setUsername}
        error={fieldErrors.username}
        isRequired
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onValueChange={setPassword}
        error={fieldErrors.password}
        isRequired
      />
      <Button type="submit" variant="primary" isBusy={logIn.isPending} className="btn-block">
        {logIn.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
