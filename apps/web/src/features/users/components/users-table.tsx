import { useState } from 'react';
import type { Role, User } from '@syncsafe/contracts';
import { Table } from '../../../components/table.tsx';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { useToast } from '../../../components/toast.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { roleLabels, roles } from '../../../lib/roles.ts';
import { useUpdateUser } from '../api/update-user.ts';

interface UsersTableProps {
  users: User[];
  currentUserId: string;
  onResetPassword: (user: User) => void;
}

export function UsersTable({ users, currentUserId, onResetPassword }: UsersTableProps) {
  return (
    <Table caption="Users">
      <thead>
        <tr>
          <th scope="col">Username</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Created</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} onResetPassword={onResetPassword} />
        ))}
      </tbody>
    </Table>
  );
}

function UserRow({ user, isSelf, onResetPassword }: { user: User; isSelf: boolean; onResetPassword: (user: User) => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const updateUser = useUpdateUser();
  const { showToast } = useToast();
  const roleSelectId = `role-${user.id}`;

  const save = (request: { role?: Role; isDisabled?: boolean }, done: string) =>
    updateUser.mutate(
      { userId: user.id, request },
      {
        onSuccess: () => showToast(done),
        onError: (error) => {
          setRole(user.role);
          showToast(`${user.username}: ${error.message}`, 'error');
        },
      },
    );

  return (
    <tr>
      <th scope="row">
        {user.username}
        {isSelf ? <span className="muted small"> (you)</span> : null}
      </th>
      <td>
        <div className="inline-control">
          <label htmlFor={roleSelectId} className="visually-hidden">
            Role of {user.username}
          </label>
          <select id={roleSelectId} className="input input-compact" value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={isSelf}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
          {role !== user.role ? (
            <Button variant="primary" className="btn-small" isBusy={updateUser.isPending} onClick={() => save({ role }, `${user.username} is now ${roleLabels[role]}`)}>
              Change role
            </Button>
          ) : null}
        </div>
      </td>
      <td>{user.isDisabled ? <Badge tone="bad">Disabled</Badge> : <Badge tone="good">Active</Badge>}</td>
      <td>{formatDateTime(user.createdAt)}</td>
      <td>
        <div className="button-row">
          {isSelf ? null : (
            <Button
              className="btn-small"
              variant={user.isDisabled ? 'secondary' : 'danger'}
              isBusy={updateUser.isPending}
              onClick={() => save({ isDisabled: !user.isDisabled }, user.isDisabled ? `${user.username} enabled` : `${user.username} disabled and signed out`)}
              aria-label={`${user.isDisabled ? 'Enable' : 'Disable'} ${user.username}`}
            >
              {user.isDisabled ? 'Enable' : 'Disable'}
            </Button>
          )}
          <Button className="btn-small" onClick={() => onResetPassword(user)} aria-label={`Reset password of ${user.username}`}>
            Reset password
          </Button>
        </div>
      </td>
    </tr>
  );
}
