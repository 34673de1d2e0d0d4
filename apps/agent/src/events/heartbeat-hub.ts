import type { AgentStreamMessage } from '@syncsafe/contracts';
import type { JobRegistry } from '../jobs/job-registry.ts';
import type { MachineModel } from '../machine/machine-model.ts';
import type { EventBus } from './event-bus.ts';

type Subscriber = (message: AgentStreamMessage) => void;

/**
 * One timer for all subscribers: every interval a heartbeat (machine state and every job's status),
 * and agent events as they happen, numbered by one `seq`. Nothing is sent while the machine is
 * unreachable, which is exactly what the console's failover monitor counts.
 */
export class HeartbeatHub {
  private readonly subscribers = new Set<Subscriber>();
  private seq = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly stopListening: () => void;

  constructor(
    private readonly machine: MachineModel,
    private readonly jobs: JobRegistry,
    bus: EventBus,
    private readonly intervalMs: number,
  ) {
    this.stopListening = bus.subscribe((event) => {
      if (this.machine.isReachable()) this.broadcast({ type: 'event', seq: ++this.seq, at: Date.now(), event });
    });
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    subscriber(this.heartbeat());
    if (!this.timer) {
      this.timer = setInterval(() => {
        if (this.machine.isReachable()) this.broadcast(this.heartbeat());
      }, this.intervalMs);
    }
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  close(): void {
    this.stopListening();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.subscribers.clear();
  }

  private heartbeat(): AgentStreamMessage {
    return {
      type: 'heartbeat',
      seq: ++this.seq,
      sentAt: Date.now(),
      machineId: this.machine.machineId,
      identityName: this.machine.snapshot.identity.name,
      powerState: this.machine.powerState,
      networkState: this.machine.networkState,
      jobs: this.jobs.list(),
    };
  }

  private broadcast(message: AgentStreamMessage): void {
    for (const subscriber of this.subscribers) subscriber(message);
  }
}
