import type { ServerStatus } from '@syncsafe/contracts';
import { Badge, type Tone } from '../../../components/badge.tsx';
import { formatDateTime } from '../../../lib/format.ts';

const statusView: Record<ServerStatus, { tone: Tone; label: string }> = {
  online: { tone: 'good', label: 'Online' },
  offline: { tone: 'bad', label: 'Offline' },
  unknown: { tone: 'neutral', label: 'Unknown' },
};

export function ServerStatusBadge({ status, lastSeenAt }: { status: ServerStatus; lastSeenAt: string | null }) {
  const view = statusView[status];
  return (
    <Badge tone={view.tone} title={lastSeenAt ? `Last heartbeat ${formatDateTime(lastSeenAt)}` : 'No heartbeat received yet'}>
      {view.label}
    </Badge>
  );
}
