import { paths } from '../../lib/paths.ts';
import { EmptyState, LoadingState, PageHeader } from '../../components/page.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useNotifications } from '../../features/notifications/api/list-notifications.ts';
import { NotificationsTable } from '../../features/notifications/components/notifications-table.tsx';
import { useCurrentUser } from './use-current-user.ts';

export function Component() {
  const me = useCurrentUser();
  const notifications = useNotifications(false);
  return (
    <>
      <title>Notifications · SyncSafe Console</title>
      <PageHeader
        title="Notifications"
        description="A job that waits for the user before failover notifies here when its failover condition is met; a failed operation does too. Acknowledgements are recorded in the audit trail."
      />
      {notifications.isPending ? (
        <LoadingState label="Loading notifications…" />
      ) : notifications.isError ? (
        <ErrorAlert error={notifications.error} title="Could not load the notifications" />
      ) : notifications.data.items.length === 0 ? (
        <EmptyState title="No notifications" />
      ) : (
        <NotificationsTable
          notifications={notifications.data.items}
          canAct={me.role !== 'auditor'}
          jobHref={(jobId) => paths.job.href(jobId)}
          failoverHref={(jobId) => paths.job.href(jobId, { dialog: 'failover' })}
        />
      )}
    </>
  );
}
