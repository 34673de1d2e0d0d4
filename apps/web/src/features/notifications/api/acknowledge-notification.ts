import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '@syncsafe/contracts';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { applyNotificationEvent } from './list-notifications.ts';

/** Recorded in the audit trail with who acknowledged; every console hears it on the stream. */
export function acknowledgeNotification(notificationId: string): Promise<Notification> {
  return apiPost<Notification>(paths.api.acknowledgeNotification(notificationId));
}

export function useAcknowledgeNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeNotification,
    onSuccess: (notification) => applyNotificationEvent(queryClient, notification),
  });
}
