import { Link } from 'react-router';
import type { Notification } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { Table } from '../../../components/table.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useAcknowledgeNotification } from '../api/acknowledge-notification.ts';
import { isFailoverConditionMet } from './notification-banner.tsx';

interface NotificationsTableProps {
  notifications: Notification[];
  canAct: boolean;
  jobHref: (jobId: string) => string;
  failoverHref: (jobId: string) => string;
}

export function NotificationsTable({ notifications, canAct, jobHref, failoverHref }: NotificationsTableProps) {
  const acknowledge = useAcknowledgeNotification();
  return (
    <Table caption="Notifications, newest first">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Notification</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {notifications.map((n) => {
          const isOpen = n.acknowledgedAt === null;
          return (
            <tr key={n.id}>
              <td className="nowrap">
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              </td>
              <td>
                {n.message}
                {n.jobId ? (
                  <>
                    {' '}
                    <Link to={jobHref(n.jobId)}>Job details</Link>
                  </>
                ) : null}
              </td>
              <td>
                {isOpen ? (
                  <Badge tone="warn">Open</Badge>
                ) : (
                  <Badge tone="neutral" title={`Acknowledged ${formatDateTime(n.acknowledgedAt)}`}>
                    Acknowledged by {n.acknowledgedByName ?? 'someone'}
                  </Badge>
                )}
              </td>
              <td>
                {isOpen && canAct ? (
                  <div className="button-row">
                    {isFailoverConditionMet(n) ? (
                      <Link className="btn btn-primary btn-small" to={failoverHref(n.jobId!)}>
                        Fail over now
                      </Link>
                    ) : null}
                    <Button className="btn-small" isBusy={acknowledge.isPending && acknowledge.variables === n.id} onClick={() => acknowledge.mutate(n.id)}>
                      Acknowledge
                    </Button>
                  </div>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
