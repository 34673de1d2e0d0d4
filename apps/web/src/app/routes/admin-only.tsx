import type { ReactNode } from 'react';
import { Alert } from '../../components/alert.tsx';
import { roleLabels } from '../../lib/roles.ts';
import { useCurrentUser } from './use-current-user.ts';

/** Pages only admins use; others are told which role they would need (the API refuses them anyway). */
export function AdminOnly({ what, children }: { what: string; children: ReactNode }) {
  const user = useCurrentUser();
  if (user.role === 'admin') return <>{children}</>;
  return (
    <Alert tone="warning" title="Admin role needed">
      {what} needs the Admin role. You are signed in as {user.username} with the {roleLabels[user.role]} role.
    </Alert>
  );
}
