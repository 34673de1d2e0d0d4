import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../../lib/paths.ts';
import { useMe } from '../../features/auth/api/get-me.ts';
import { LoginForm } from '../../features/auth/components/login-form.tsx';
import { LoadingState } from '../../components/page.tsx';

export function Component() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const next = safeNextPath(params.get('next'));

  if (me.isPending) return <LoadingState label="Checking your session…" />;
  if (me.data) return <Navigate to={next} replace />;

  return (
    <main className="login-page">
      <title>Sign in · SyncSafe Console</title>
      <div className="login-card">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <div>
            <h1>SyncSafe Console</h1>
            <p className="muted">Sign in to manage servers, jobs and the audit trail.</p>
          </div>
        </div>
        <LoginForm onSignedIn={() => navigate(next, { replace: true })} />
        <p className="muted small">
          First start? The user <span className="mono">admin</span> has the password from <span className="mono">SYNCSAFE_ADMIN_PASSWORD</span>, or the one printed once in the
          console’s log.
        </p>
      </div>
    </main>
  );
}

