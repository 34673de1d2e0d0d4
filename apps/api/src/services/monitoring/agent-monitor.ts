import { BadDataReasonSchema, JobOptionsSchema, type AgentStreamMessage } from '@syncsafe/contracts';
import type { Database } from '@syncsafe/db';
import { roleServer } from '@syncsafe/domain';
import type { FastifyBaseLogger } from 'fastify';
import { retryOnWriteConflict } from '../../lib/write-conflict.ts';
import { emitEvent } from '../events/emit-event.ts';
import { buildFacts, jobInclude } from '../jobs/load-job.ts';
import { publishJob } from '../jobs/publish-job.ts';
import type { AgentDirectory } from '../operations/agent-port.ts';
import { syncSnapshots } from '../operations/sync-snapshots.ts';
import { changedProgress, progressFrom, ProgressGate, type JobProgress } from './job-progress.ts';
import { recordCondition } from './record-condition.ts';

const TICK_MS = 1000;
const RESUBSCRIBE_MS = 3000;
/** A server is shown offline after this long without a heartbeat. */
const OFFLINE_AFTER_MS = 10_000;
/** Progress of one job is written at most this often (the stream carries it to every console); see ProgressGate. */
const PROGRESS_EVERY_MS = 500;

interface Subscription {
  key: string;
  close(): void;
  lastHeartbeatAt: number | null;
  isOpen: boolean;
  retryAt: number;
}

/**
 * Watches every server's agent over its heartbeat stream: server health, job progress (mirror, what the
 * source sent and has yet to send, target status, target queue, lag, target data state) and the failover
 * condition (missed heartbeats of the machine running the source identity over the job's window). Writes
 * go through the outbox, so every console sees them.
 * It also learns the services of the identity each machine holds (`GET /v1/info`) whenever it connects
 * to the agent and whenever the agent reports an identity change (failover, Reverse).
 */
export class AgentMonitor {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly progressGate = new ProgressGate(PROGRESS_EVERY_MS);
  private handling: Promise<unknown> = Promise.resolve();
  private readonly waitingHeartbeats = new Map<string, AgentStreamMessage>();
  /** One read of a server's services at a time, in order, so an older answer never overwrites a newer one. */
  private readonly learning = new Map<string, Promise<void>>();
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private isTicking = false;
  private isStopped = false;

  constructor(
    private readonly db: Database,
    private readonly agents: AgentDirectory,
    private readonly log: FastifyBaseLogger,
    private readonly runOperation: (operationId: string) => void,
  ) {}

  start() {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
    void this.tick();
  }

  /** Stops watching; resolves once the message being handled (if any) is done, so nothing writes after. */
  async stop() {
    this.isStopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const s of this.subscriptions.values()) s.close();
    this.subscriptions.clear();
    this.waitingHeartbeats.clear();
    await this.handling;
  }

  /** Last heartbeat of a server's agent, or null if none since the console started. */
  lastHeartbeat(serverId: string) {
    return this.subscriptions.get(serverId)?.lastHeartbeatAt ?? null;
  }

  private async tick() {
    if (this.isTicking) return;
    this.isTicking = true;
    try {
      await this.reconcileSubscriptions();
      await this.markOfflineServers();
      await this.checkFailoverConditions();
      for (const jobId of this.progressGate.due(Date.now())) await this.recordProgress(jobId, {});
    } catch (err) {
      this.log.warn({ err }, 'agent monitor tick failed');
    } finally {
      this.isTicking = false;
    }
  }

  private async reconcileSubscriptions() {
    const servers = await this.db.prisma.server.findMany({ select: { id: true, address: true, port: true, username: true, passwordCiphertext: true } });
    const wanted = new Set(servers.map((s) => s.id));
    for (const [id, sub] of this.subscriptions) {
      if (!wanted.has(id)) {
        sub.close();
        this.subscriptions.delete(id);
      }
    }
    const now = Date.now();
    for (const server of servers) {
      const key = `${server.address}:${server.port}:${server.username}:${server.passwordCiphertext}`;
      const existing = this.subscriptions.get(server.id);
      if (existing && existing.key === key && (existing.isOpen || now < existing.retryAt)) continue;
      existing?.close();
      await this.subscribe(server.id, key, existing?.lastHeartbeatAt ?? null);
    }
  }

  private async subscribe(serverId: string, key: string, lastHeartbeatAt: number | null) {
    const entry: Subscription = { key, close: () => undefined, lastHeartbeatAt, isOpen: true, retryAt: Date.now() + RESUBSCRIBE_MS };
    this.subscriptions.set(serverId, entry);
    try {
      const agent = await this.agents(serverId);
      const sub = agent.subscribe({
        onMessage: (message) => this.enqueue(serverId, entry, message),
        onClose: () => {
          entry.isOpen = false;
          entry.retryAt = Date.now() + RESUBSCRIBE_MS;
        },
      });
      entry.close = sub.close;
      sub.opened.then(
        () => void this.learnServices(serverId),
        () => {
          entry.isOpen = false;
        },
      );
    } catch (err) {
      entry.isOpen = false;
      this.log.debug({ err, serverId }, 'cannot reach agent');
    }
  }

  /**
   * Agents' messages are handled one at a time for the whole monitor, so its writes hold one database
   * connection at most and never crowd out operations and requests (each write also takes the
   * write-sequence lock). A heartbeat still waiting its turn is replaced by its server's newer one.
   */
  private enqueue(serverId: string, entry: Subscription, message: AgentStreamMessage) {
    if (this.isStopped) return;
    if (message.type === 'heartbeat') {
      const isWaiting = this.waitingHeartbeats.has(serverId);
      this.waitingHeartbeats.set(serverId, message);
      if (isWaiting) return;
    }
    const handle = () => {
      if (this.isStopped) return undefined;
      const latest = message.type === 'heartbeat' ? this.waitingHeartbeats.get(serverId) : message;
      if (message.type === 'heartbeat') this.waitingHeartbeats.delete(serverId);
      return latest ? this.onMessage(serverId, entry, latest) : undefined;
    };
    this.handling = this.handling.then(handle).catch((err: unknown) => this.log.warn({ err, serverId }, 'heartbeat handling failed'));
  }

  private async onMessage(serverId: string, entry: Subscription, message: AgentStreamMessage) {
    const { prisma } = this.db;
    if (message.type === 'heartbeat') {
      // A machine that is off or cut from the network is not there for its users: no heartbeat counts.
      if (message.powerState !== 'on' || message.networkState === 'disconnected') return;
      entry.lastHeartbeatAt = Date.now();
      const server = await prisma.server.findUnique({ where: { id: serverId }, select: { status: true, lastSeenAt: true } });
      if (server && (server.status !== 'online' || !server.lastSeenAt || Date.now() - server.lastSeenAt.getTime() > 5000)) {
        await this.setServerHealth(serverId, 'online');
      }
      for (const status of message.jobs) await this.recordProgress(status.jobId, progressFrom(status));
      return;
    }
    const { event } = message;
    if (event.kind === 'identity-changed') {
      await this.learnServices(serverId);
      return;
    }
    if (event.kind === 'data-state-changed') {
      this.progressGate.dropHeldDataState(event.jobId);
      const snapshots = await (await this.agents(serverId)).listSnapshots(event.jobId).catch(() => null);
      await retryOnWriteConflict(() =>
        prisma.$transaction(async (tx) => {
          if (!(await tx.job.findUnique({ where: { id: event.jobId }, select: { id: true } }))) return;
          // The detail is not in the event: the target's next heartbeat brings it (and is written at once, its words having changed).
          const reason = event.to === 'bad' ? (BadDataReasonSchema.safeParse(event.reason).data ?? null) : null;
          await tx.job.update({
            where: { id: event.jobId },
            data: { targetDataState: event.to, targetDataStateReason: reason, ...(event.to === 'good' ? { targetDataStateDetail: null } : {}) },
          });
          if (snapshots) await syncSnapshots(tx, event.jobId, snapshots);
          await publishJob(tx, event.jobId);
        }),
      );
    }
  }

  /** Queues a read of the services the machine's identity has now (see `learning`). */
  private learnServices(serverId: string): Promise<void> {
    const next = (this.learning.get(serverId) ?? Promise.resolve()).then(() => this.readServices(serverId));
    this.learning.set(serverId, next);
    void next.then(() => {
      if (this.learning.get(serverId) === next) this.learning.delete(serverId);
    });
    return next;
  }

  /** Never fails monitoring: when the agent cannot say, the services last learned stay as they were. */
  private async readServices(serverId: string) {
    if (this.isStopped) return;
    try {
      const { identity, machineId } = await (await this.agents(serverId)).info();
      if (this.isStopped) return;
      // updateMany: the server may have been deleted meanwhile, which is not an error.
      await this.db.prisma.server.updateMany({
        where: { id: serverId },
        data: { services: identity.services, servicesLearnedAt: new Date(), machineId, hostName: identity.name },
      });
    } catch (err) {
      this.log.warn({ err, serverId }, 'cannot learn the services of the agent’s identity; keeping those last learned');
    }
  }

  private async setServerHealth(serverId: string, status: 'online' | 'offline') {
    await retryOnWriteConflict(() =>
      this.db.prisma.$transaction(async (tx) => {
        const lastSeenAt = status === 'online' ? new Date() : undefined;
        const row = await tx.server.update({ where: { id: serverId }, data: { status, ...(lastSeenAt ? { lastSeenAt } : {}) } });
        await emitEvent(tx, { type: 'server.health', data: { id: serverId, status, lastSeenAt: row.lastSeenAt?.toISOString() ?? null } });
      }),
    );
  }

  private async recordProgress(jobId: string, report: JobProgress) {
    const progress = this.progressGate.offer(jobId, report, Date.now());
    if (!progress) return;
    const { prisma } = this.db;
    const row = await prisma.job.findUnique({ where: { id: jobId } });
    if (!row) {
      this.progressGate.forget(jobId);
      return;
    }
    const changes = changedProgress(row as unknown as Record<string, unknown>, progress);
    if (!changes) return;
    this.progressGate.wrote(jobId, Date.now());
    await retryOnWriteConflict(() =>
      prisma.$transaction(async (tx) => {
        await tx.job.update({ where: { id: jobId }, data: changes });
        await publishJob(tx, jobId);
      }),
    );
  }

  private async markOfflineServers() {
    const now = Date.now();
    const online = await this.db.prisma.server.findMany({ where: { status: { not: 'offline' } }, select: { id: true } });
    for (const { id } of online) {
      const seen = this.subscriptions.get(id)?.lastHeartbeatAt ?? this.startedAt;
      if (now - seen > OFFLINE_AFTER_MS) await this.setServerHealth(id, 'offline');
    }
  }

  /** Protecting jobs whose source machine missed its heartbeats over the window; and condition-met jobs whose source came back. */
  private async checkFailoverConditions() {
    const jobs = await this.db.prisma.job.findMany({ where: { state: { in: ['protecting', 'failover_condition_met'] } }, include: jobInclude });
    const now = Date.now();
    for (const job of jobs) {
      const options = JobOptionsSchema.parse(job.options);
      if (!options.monitoring.isEnabled) continue;
      const facts = buildFacts(job, options, [], null, null);
      const sourceId = roleServer(facts, 'source').id;
      const seen = this.subscriptions.get(sourceId)?.lastHeartbeatAt ?? this.startedAt;
      const windowMs = options.monitoring.missedHeartbeats * options.monitoring.heartbeatIntervalSeconds * 1000;
      const isMissing = now - seen > windowMs;
      if (job.state === 'protecting' && isMissing) {
        const operationId = await recordCondition(this.db.prisma, job.id, 'condition-met');
        if (operationId) this.runOperation(operationId);
      } else if (job.state === 'failover_condition_met' && !isMissing) {
        await recordCondition(this.db.prisma, job.id, 'condition-cleared');
      }
    }
  }
}
