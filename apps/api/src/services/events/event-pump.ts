import type { StreamEvent } from '@syncsafe/contracts';
import type { Database, Event as EventRow } from '@syncsafe/db';
import { EVENTS_CHANNEL } from './emit-event.ts';

const BATCH = 500;
/** NOTIFY is a hint (it can be missed across a reconnect); a slow poll bounds the delay anyway. */
const POLL_MS = 2000;
/** The outbox keeps a week of events (and at least the last 10,000): enough for any console to catch up. */
const RETENTION_MS = 7 * 86_400_000;
const RETAIN_AT_LEAST = 10_000;
const PRUNE_EVERY_MS = 3_600_000;

export function toStreamEvent(row: EventRow): StreamEvent {
  // The row was written by emitEvent from a StreamEvent; parsing every event again on the hot path protects nothing.
  return { seq: Number(row.seq), at: row.createdAt.toISOString(), type: row.type, data: row.data } as StreamEvent;
}

export async function readEventsAfter(db: Database, after: number, limit = BATCH): Promise<StreamEvent[]> {
  const rows = await db.prisma.event.findMany({ where: { seq: { gt: BigInt(after) } }, orderBy: { seq: 'asc' }, take: limit });
  return rows.map(toStreamEvent);
}

export type EventListener = (event: StreamEvent) => void;

/**
 * One reader of the outbox per process: on each wake-up it reads what was committed after the last
 * event it saw and fans it out, in seq order, to every subscriber (WebSocket connections, monitors).
 */
export class EventPump {
  private lastSeq = 0;
  private readonly listeners = new Set<EventListener>();
  private running: Promise<void> | null = null;
  private isDirty = false;
  private timer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private isStopped = false;

  constructor(private readonly db: Database) {}

  async start() {
    const head = await this.db.prisma.eventHead.findUnique({ where: { id: 1 } });
    this.lastSeq = Number(head?.seq ?? 0n);
    this.unlisten = await this.db.listen(EVENTS_CHANNEL, () => this.wake());
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    this.pruneTimer = setInterval(() => void this.prune().catch(() => undefined), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  /** Drops old events; a client asking for history before the oldest kept gets `resync-required`. */
  async prune(now = Date.now()) {
    const keepFrom = BigInt(Math.max(0, this.lastSeq - RETAIN_AT_LEAST));
    const { count } = await this.db.prisma.event.deleteMany({ where: { createdAt: { lt: new Date(now - RETENTION_MS) }, seq: { lt: keepFrom } } });
    return count;
  }

  get seq() {
    return this.lastSeq;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads new events now (coalescing concurrent wake-ups into one more read). */
  wake(): Promise<void> {
    if (this.isStopped) return Promise.resolve();
    if (this.running) {
      this.isDirty = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.isDirty) {
        this.isDirty = false;
        void this.wake();
      }
    });
    return this.running;
  }

  private async drain() {
    for (;;) {
      const events = await readEventsAfter(this.db, this.lastSeq).catch(() => []);
      for (const event of events) {
        this.lastSeq = event.seq;
        for (const listener of this.listeners) listener(event);
      }
      if (events.length < BATCH) return;
    }
  }

  async stop() {
    this.isStopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.unlisten?.().catch(() => undefined);
    await this.running;
    this.listeners.clear();
  }
}
