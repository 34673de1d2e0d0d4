import { useState } from 'react';
import type { User } from '@syncsafe/contracts';
import { Button } from '../../components/button.tsx';
import { LoadingState, PageHeader } from '../../components/page.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useToast } from '../../components/toast.tsx';
import { useUsers } from '../../features/users/api/list-users.ts';
import { UsersTable } from '../../features/users/components/users-table.tsx';
import { CreateUserDialog } from '../../features/users/components/create-user-dialog.tsx';
import { ResetPasswordDialog } from '../../features/users/components/reset-password-dialog.tsx';
import { AdminOnly } from './admin-only.tsx';
import { useCurrentUser } from './use-current-user.ts';

export function Component() {
  return (
    <>
      <title>Users · SyncSafe Console</title>
      <AdminOnly what="Managing users">
        <UsersPage />
      </AdminOnly>
    </>
  );
}

function UsersPage() {
  const me = useCurrentUser();
  const users = useUsers();
  const { showToast } = useToast();
  const [isCreateOpen, setIsCreateOpen] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);

  return (
    <>
      <PageHeader
        title="Users"
        description="Admins manage servers and users; operators run jobs; auditors read everything and change nothing. Disabling a user signs them out everywhere."
        actions={
          <Button variant="primary" onClick={() => setIsCreateOpen(true)}>
            Create user
          </Button>
        }
      />
      {users.isPending ? (
        <LoadingState label="Loading users…" />
      ) : users.isError ? (
        <ErrorAlert error={users.error} title="Could not load the users" />
      ) : (
        <UsersTable users={users.data} currentUserId={me.id} onResetPassword={setResetting} />
      )}
      <CreateUserDialog
        isOpen={isCreateOpen}
        onClose={() => setIsCreateOpen(false)}
        onCreated={(user) => {
          setIsCreateOpen(false);
          showToast(`User ${user.username} created`);
        }}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(user) => {
          setResetting(null);
          showToast(`Password of ${user.username} changed`);
        }}
      />
    </>
  );
}
