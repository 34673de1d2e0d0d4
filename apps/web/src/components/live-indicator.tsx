import type { StreamStatus } from '../lib/event-stream.ts';

const view: Record<StreamStatus, { label: string; title: string }> = {
  connecting: { label: 'Connecting…', title: 'Opening the live event stream' },
  live: { label: 'Live', title: 'Job states arrive as they change' },
  reconnecting: { label: 'Reconnecting…', title: 'The live stream dropped: reconnecting, then catching up on what was missed. What you see may be out of date.' },
};

/** Whether what the console shows is current: Live, or Reconnecting… (shape and text, not colour alone). */
export function LiveIndicator({ status }: { status: StreamStatus }) {
  return (
    <p className={`live-indicator live-${status}`} role="status" title={view[status].title}>
      <span className="live-dot" aria-hidden="true" />
      {view[status].label}
    </p>
  );
}
