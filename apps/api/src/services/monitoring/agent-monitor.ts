import type { AgentStreamMessage } from '@syncsafe/contracts';
import type { Database } from '@syncsafe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { AgentDirectory } from '../operations/agent-port.ts';
import { checkFailoverConditions } from './failover-conditions.ts';
import { HeartbeatSubscriptions, type Subscription } from './heartbeat-subscriptions.ts';
import { progressFrom } from './job-progress.ts';
import { MessageQueue } from './message-queue.ts';
import { ProgressRecorder } from './progress-recorder.ts';
import { ServerHealth } from './server-health.ts';
import { ServiceLearning } from './service-learning.ts';

const TICK_MS = 1000;

/**
 * Watches every server's agent over its heartbeat stream: server health, job progress (mirror, what the
 * source sent and has yet to send, target status, target queue, lag, target data state) and the failover
 * condition (missed heartbeats of the machine running the source identity over the job's window). Writes
 * go through the outbox, so every console sees them.
 * It also learns the services of the identity each machine holds (`GET /v1/info`) whenever it connects
 * to the agent and whenever the agent reports an identity change (failover, Reverse).
 */
export class AgentMonitor {
  private readonly subscriptions: HeartbeatSubscriptions;
  private readonly queue: MessageQueue<Subscription>;
  private readonly health: ServerHealth;
  private readonly progress: ProgressRecorder;
  private readonly services: ServiceLearning;
  private timer: NodeJS.Timeout | null = null;
  private isTicking = false;

  constructor(
    private readonly db: Database,
    private readonly agents: AgentDirectory,
    private readonly log: FastifyBaseLogger,
    private readonly runOperation: (operationId: string) => void,
  ) {
    const { prisma } = db;
    this.health = new ServerHealth(prisma);
    this.progress = new ProgressRecorder(prisma);
    this.services = new ServiceLearning(prisma, agents, log);
    this.queue = new MessageQueue((serverId, from, message) => this.onMessage(serverId, from, message), log);
    this.subscriptions = new HeartbeatSubscriptions(prisma, agents, log, {
      onMessage: (subscription, message) => this.queue.enqueue(subscription.serverId, subscription, message),
      onOpened: (serverId) => void this.services.learn(serverId),
    });
  }

  start() {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
    void this.tick();
  }

  /** Stops watching; resolves once the message being handled (if any) is done, so nothing writes after. */
  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.services.stop();
    const inHand = this.queue.stop();
    this.subscriptions.closeAll();
    await inHand;
  }

  /** Last heartbeat of a server's agent, or null if none since the console started. */
  lastHeartbeat(serverId: string) {
    return this.subscriptions.lastHeartbeat(serverId);
  }

  /** When a server's agent was last heard (or first watched); now for a server not watched yet. */
  private heardAt = (serverId: string) => this.subscriptions.heardAt(serverId) ?? Date.now();

  private async tick() {
    if (this.isTicking) return;
    this.isTicking = true;
    try {
      for (const serverId of await this.subscriptions.reconcile()) this.health.forget(serverId);
      await this.health.markOffline(this.heardAt);
      await checkFailoverConditions(this.db.prisma, this.heardAt, this.runOperation);
      await this.progress.recordDue();
    } catch (err) {
      this.log.warn({ err }, 'agent monitor tick failed');
    } finally {
      this.isTicking = false;
    }
  }

  private async onMessage(serverId: string, subscription: Subscription, message: AgentStreamMessage) {
    if (message.type === 'heartbeat') {
      // A machine that is off or cut from the network is not there for its users: no heartbeat counts.
      if (message.powerState !== 'on' || message.networkState === 'disconnected') return;
      subscription.lastHeartbeatAt = Date.now();
      await this.health.heard(serverId);
      for (const status of message.jobs) await this.progress.record(status.jobId, progressFrom(status));
      return;
    }
    const { event } = message;
    if (event.kind === 'identity-changed') {
      await this.services.learn(serverId);
    } else if (event.kind === 'data-state-changed') {
      await this.progress.recordDataState(event, async () => (await this.agents(serverId)).listSnapshots(event.jobId).catch(() => null));
    }
  }
}
