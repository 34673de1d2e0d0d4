import type { AgentStreamMessage } from '@syncsafe/contracts';
import type { PrismaClient } from '@syncsafe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { AgentDirectory } from '../operations/agent-port.ts';

const RESUBSCRIBE_MS = 3000;

/** One server's heartbeat stream, as last connected. */
export interface Subscription {
  readonly serverId: string;
  /** Address, port and credentials it was opened with: a change of any opens it again. */
  readonly key: string;
  close(): void;
  /** Set by whoever counts the heartbeats (a machine that is off does not count). */
  lastHeartbeatAt: number | null;
  /** When the console first tried to reach the agent (kept across reconnects): a new server's grace starts here. */
  readonly watchedSince: number;
  isOpen: boolean;
  retryAt: number;
}

export interface SubscriptionHandlers {
  onMessage(subscription: Subscription, message: AgentStreamMessage): void;
  /** The stream is open again: the agent may hold another identity than when last seen. */
  onOpened(serverId: string): void;
}

/** Keeps one heartbeat stream open to every server's agent, opened again after a drop or an edit of the server. */
export class HeartbeatSubscriptions {
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly agents: AgentDirectory,
    private readonly log: FastifyBaseLogger,
    private readonly handlers: SubscriptionHandlers,
  ) {}

  /** Last heartbeat of a server's agent, or null if none since the console started. */
  lastHeartbeat(serverId: string): number | null {
    return this.subscriptions.get(serverId)?.lastHeartbeatAt ?? null;
  }

  /**
   * When a server's agent was last heard, or when the console began watching it if never: a server just
   * added gets its whole window before it is called offline or its condition met. Null when not watched yet.
   */
  heardAt(serverId: string): number | null {
    const subscription = this.subscriptions.get(serverId);
    return subscription ? (subscription.lastHeartbeatAt ?? subscription.watchedSince) : null;
  }

  /** Subscribes to every server not subscribed to (retrying a dropped stream every few seconds); returns the servers gone since. */
  async reconcile(): Promise<string[]> {
    const servers = await this.prisma.server.findMany({ select: { id: true, address: true, port: true, username: true, passwordCiphertext: true } });
    const wanted = new Set(servers.map((s) => s.id));
    const gone: string[] = [];
    for (const [id, sub] of this.subscriptions) {
      if (!wanted.has(id)) {
        sub.close();
        this.subscriptions.delete(id);
        gone.push(id);
      }
    }
    const now = Date.now();
    for (const server of servers) {
      const key = `${server.address}:${server.port}:${server.username}:${server.passwordCiphertext}`;
      const existing = this.subscriptions.get(server.id);
      if (existing && existing.key === key && (existing.isOpen || now < existing.retryAt)) continue;
      existing?.close();
      await this.subscribe(server.id, key, existing?.lastHeartbeatAt ?? null, existing?.watchedSince ?? Date.now());
    }
    return gone;
  }

  closeAll(): void {
    for (const s of this.subscriptions.values()) s.close();
    this.subscriptions.clear();
  }

  private async subscribe(serverId: string, key: string, lastHeartbeatAt: number | null, watchedSince: number) {
    const entry: Subscription = { serverId, key, close: () => undefined, lastHeartbeatAt, watchedSince, isOpen: true, retryAt: Date.now() + RESUBSCRIBE_MS };
    this.subscriptions.set(serverId, entry);
    try {
      const agent = await this.agents(serverId);
      const sub = agent.subscribe({
        onMessage: (message) => this.handlers.onMessage(entry, message),
        onClose: () => {
          entry.isOpen = false;
          entry.retryAt = Date.now() + RESUBSCRIBE_MS;
        },
      });
      entry.close = sub.close;
      sub.opened.then(
        () => this.handlers.onOpened(serverId),
        () => {
          entry.isOpen = false;
        },
      );
    } catch (err) {
      entry.isOpen = false;
      this.log.debug({ err, serverId }, 'cannot reach agent');
    }
  }
}
