import type { AgentStreamMessage } from '@syncsafe/contracts';
import type { FastifyBaseLogger } from 'fastify';

/** Handles one agent message; `from` is whatever the caller needs to know where it came from. */
export type MessageHandler<From> = (serverId: string, from: From, message: AgentStreamMessage) => Promise<void>;

/**
 * Agents' messages are handled one at a time for the whole monitor, so its writes hold one database
 * connection at most and never crowd out operations and requests (each write also takes the
 * write-sequence lock). A heartbeat still waiting its turn is replaced by its server's newer one.
 */
export class MessageQueue<From> {
  private handling: Promise<unknown> = Promise.resolve();
  private readonly waitingHeartbeats = new Map<string, { from: From; message: AgentStreamMessage }>();
  private isStopped = false;

  constructor(
    private readonly handle: MessageHandler<From>,
    private readonly log: FastifyBaseLogger,
  ) {}

  enqueue(serverId: string, from: From, message: AgentStreamMessage): void {
    if (this.isStopped) return;
    if (message.type === 'heartbeat') {
      const isWaiting = this.waitingHeartbeats.has(serverId);
      this.waitingHeartbeats.set(serverId, { from, message });
      if (isWaiting) return;
    }
    const handleInTurn = () => {
      if (this.isStopped) return undefined;
      const latest = message.type === 'heartbeat' ? this.waitingHeartbeats.get(serverId) : { from, message };
      if (message.type === 'heartbeat') this.waitingHeartbeats.delete(serverId);
      return latest ? this.handle(serverId, latest.from, latest.message) : undefined;
    };
    this.handling = this.handling.then(handleInTurn).catch((err: unknown) => this.log.warn({ err, serverId }, 'heartbeat handling failed'));
  }

  /** Takes no more messages and drops those waiting; resolves once the message in hand (if any) is handled. */
  async stop(): Promise<void> {
    this.isStopped = true;
    this.waitingHeartbeats.clear();
    await this.handling;
  }
}
