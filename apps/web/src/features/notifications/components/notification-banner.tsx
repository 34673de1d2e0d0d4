import { Link } from 'react-router';
import type { Notification } from '@syncsafe/contracts';
import { Button } from '../../../components/button.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useAcknowledgeNotification } from '../api/acknowledge-notification.ts';

interface NotificationBannerProps {
  notifications: Notification[];
  /** Operators and admins act on a notification; auditors read it. */
  canAct: boolean;
  failoverHref: (jobId: string) => string;
  listHref: string;
}

export const isFailoverConditionMet = (n: Notification) => n.kind === 'failover-condition-met' && n.jobId !== null;

/**
 * Shown on every page of every open console while a notification is open: a job that waits for the user
 * met its failover condition (with "Fail over now"), or an operation failed.
 */
export function NotificationBanner({ notifications, canAct, failoverHref, listHref }: NotificationBannerProps) {
  const acknowledge = useAcknowledgeNotification();
  const shown = notifications.slice(0, 3);
  return (
    // An alert region that is always present (empty when all is well), so a new notification is announced as it arrives.
    <div role="alert" aria-label="Open notifications" className={shown.length > 0 ? 'notification-banner' : 'notification-banner-empty'}>
      <div className="notification-banner-list">
        {shown.map((notification) => (
          <div key={notification.id} className="notification-banner-item">
            <span className="notification-banner-symbol" aria-hidden="true">
              ▲
            </span>
            <p className="notification-banner-text">
              <strong>{isFailoverConditionMet(notification) ? 'Failover condition met' : 'Attention'}</strong> {notification.message}{' '}
              <span className="notification-banner-time">{formatDateTime(notification.createdAt)}</span>
            </p>
            <div className="button-row">
              {canAct && isFailoverConditionMet(notification) ? (
                <Link className="btn btn-primary btn-small" to={failoverHref(notification.jobId!)}>
                  Fail over now
                </Link>
              ) : null}
              {canAct ? (
                <Button
                  className="btn-small"
                  isBusy={acknowledge.isPending && acknowledge.variables === notification.id}
                  onClick={() => acknowledge.mutate(notification.id)}
                  aria-label={`Acknowledge: ${notification.message}`}
                >
                  Acknowledge
                </Button>
              ) : null}
            </div>
          </div>
        ))}
      </div>
      {notifications.length > 0 ? (
        <p className="notification-banner-more">
          <Link to={listHref}>
            {notifications.length > shown.length ? `All ${notifications.length} open notifications` : 'All notifications'}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
