import type { StreamEvent, StreamMessage } from '@syncsafe/contracts';

/**
 * `connecting`: the first connection is being made. `live`: caught up, events arrive as they happen.
 * `reconnecting`: the connection dropped (or never opened); retrying with the last seq seen.
 */
export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

/** The part of the browser's WebSocket the stream uses, so tests can hand in a fake. */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}

export interface EventStreamOptions {
  /** The stream's URL for a (re)connection; `since` is the last seq seen, or null on the first connection. */
  url: (since: number | null) => string;
  /** Events in seq order, delivered in batches (one batch per message burst). */
  onEvents: (events: StreamEvent[]) => void;
  /**
   * Whatever the client holds may be missing events: the server's history no longer reaches back to our
   * seq (`resync-required`), or this is the first connection and data fetched before it may be older
   * than the stream. Refetch what is shown.
   */
  onResync: (reason: 'resync-required' | 'first-connection', openedAt: number) => void;
  /** A connection closed before it opened: the session may have ended. */
  onConnectFailed?: () => void;
  createSocket?: (url: string) => SocketLike;
  /** Delay before reconnect attempt n (1, 2, …). */
  retryDelayMs?: (attempt: number) => number;
  now?: () => number;
  /** How long events gather before they are handed over together. */
  batchWindowMs?: number;
}

const defaultRetryDelay = (attempt: number) => Math.min(10_000, 500 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);

/**
 * One WebSocket to `/api/events`, kept open for the signed-in session. It remembers the last seq it
 * delivered and reconnects with `?since=<seq>`, so the server replays what was missed; events are
 * handed over in bursts so that a cache update and a render happen once per burst, not per event.
 */
export class EventStream {
  private socket: SocketLike | null = null;
  private lastSeq: number | null = null;
  private status: StreamStatus = 'connecting';
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private isStopped = true;
  private hasCaughtUpOnce = false;
  private pending: StreamEvent[] = [];
  private flushScheduled = false;
  private readonly listeners = new Set<(status: StreamStatus) => void>();

  constructor(private readonly options: EventStreamOptions) {}

  get seq(): number | null {
    return this.lastSeq;
  }

  getStatus = (): StreamStatus => this.status;

  /** For useSyncExternalStore: the layout's Live / Reconnecting… indicator. */
  subscribe = (listener: (status: StreamStatus) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    if (!this.isStopped) return;
    this.isStopped = false;
    this.connect();
  }

  stop(): void {
    this.isStopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'signed out');
    }
  }

  private setStatus(status: StreamStatus) {
    if (status === this.status) return;
    this.status = status;
    this.listeners.forEach((listener) => listener(status));
  }

  private connect() {
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
    const socket = create(this.options.url(this.lastSeq));
    this.socket = socket;
    let openedAt: number | null = null;
    const isFirstConnection = this.lastSeq === null;

    socket.onopen = () => {
      openedAt = (this.options.now ?? Date.now)();
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket || typeof event.data !== 'string') return;
      let message: StreamMessage;
      try {
        message = JSON.parse(event.data) as StreamMessage;
      } catch {
        return;
      }
      this.receive(message, isFirstConnection, openedAt ?? (this.options.now ?? Date.now)());
    };
    socket.onerror = () => {
      // A close always follows; it decides what to do.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.flush();
      if (openedAt === null) this.options.onConnectFailed?.();
      if (this.isStopped) return;
      this.setStatus('reconnecting');
      this.attempt += 1;
      const delay = (this.options.retryDelayMs ?? defaultRetryDelay)(this.attempt);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (!this.isStopped) this.connect();
      }, delay);
    };
  }

  private receive(message: StreamMessage, isFirstConnection: boolean, openedAt: number) {
    if (message.kind === 'event') {
      if (this.lastSeq !== null && message.seq <= this.lastSeq) return;
      this.lastSeq = message.seq;
      const { kind: _kind, ...event } = message;
      this.pending.push(event as StreamEvent);
      this.scheduleFlush();
      return;
    }
    this.flush();
    if (message.kind === 'resync-required') {
      this.lastSeq = message.seq;
      this.options.onResync('resync-required', openedAt);
      return;
    }
    // caught-up: from here on, events arrive live.
    if (this.lastSeq === null || message.seq > this.lastSeq) this.lastSeq = message.seq;
    this.attempt = 0;
    if (isFirstConnection && !this.hasCaughtUpOnce) this.options.onResync('first-connection', openedAt);
    this.hasCaughtUpOnce = true;
    this.setStatus('live');
  }

  private scheduleFlush() {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // A burst of messages (a replay, or many jobs changing at once) lands as one batch: one cache
    // update and one render per window instead of one per event.
    setTimeout(() => this.flush(), this.options.batchWindowMs ?? 50);
  }

  private flush() {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.options.onEvents(batch);
  }
}

/** `ws://host/api/events?since=…` on the page's own origin (the session cookie goes with it). */
export function eventStreamUrl(location: { protocol: string; host: string }, since: number | null): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/api/events${since === null ? '' : `?since=${since}`}`;
}
