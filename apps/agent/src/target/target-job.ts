import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AgentApplyReport,
  AgentBadDataReason,
  AgentBatchResult,
  AgentChannelState,
  AgentDiscardReport,
  AgentManifestResponse,
  AgentReplicationOp,
  AgentSnapshot,
  AgentTargetJobSetup,
  AgentTargetJobStatus,
  AgentTargetStatus,
} from '@syncsafe/contracts';
import type { EventBus } from '../events/event-bus.ts';
import type { MachineModel } from '../machine/machine-model.ts';
import { buildManifest } from '../replication/build-manifest.ts';
import type { ChannelHandler } from '../replication/channel-handler.ts';
import { encodeFrameHeader } from '../replication/frame-codec.ts';
import { PartialFiles } from '../replication/partial-files.ts';
import { parseOp, receiveFrames } from '../replication/receive-frames.ts';
import { PathRefusedError, ReplicaPaths, type ReplicaRoot } from '../replication/replica-paths.ts';
import { ReplicaWriter } from '../replication/replica-writer.ts';
import { conflict } from '../server/agent-error.ts';
import { SnapshotStore } from '../snapshots/snapshot-store.ts';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file.ts';
import { AppliedLog } from './applied-log.ts';
import { QueueApplier } from './queue-applier.ts';
import { TargetQueue } from './target-queue.ts';
import { createTargetState, TargetStateSchema, type TargetState } from './target-state.ts';

const REFUSALS_KEPT = 50;
/** Ops that land the same when applied again after a crash (see AppliedLog). */
const REPEATABLE_KINDS = new Set<string>(['mkdir', 'write-file', 'delete', 'set-attributes', 'symlink', 'mirror-started', 'system-state']);

export interface TargetJobContext {
  jobId: string;
  setup: AgentTargetJobSetup;
  /** `jobs/<jobId>` in the data directory: state, queue, applied log. */
  jobDir: string;
  bus: EventBus;
  machine: MachineModel;
  newChannelId: () => string;
}

/** Each protected directory `/a/b` lands at `<replicaRoot>/a/b`. */
export function targetRootsOf(setup: AgentTargetJobSetup): ReplicaRoot[] {
  return setup.directories.map((dir) => ({ prefix: dir.slice(1), dir: join(setup.replicaRoot, dir) }));
}

/**
 * The target side of a job: receives frames from the source, keeps them in the durable target queue
 * (or applies them at once when nothing is queued and apply is running), applies in order, and
 * keeps the target data state. Paths that would leave the replicated folders are refused and reported.
 */
export class TargetJob implements ChannelHandler {
  readonly kind = 'replication' as const;
  readonly roots: ReplicaRoot[];
  readonly snapshots: SnapshotStore;
  private state: TargetState;
  private readonly queue: TargetQueue;
  private readonly appliedLog: AppliedLog;
  private readonly writer: ReplicaWriter;
  private readonly partials: PartialFiles;
  private readonly stateFile: string;
  private persisted = '';
  private isClosed = false;
  private receivedThroughSeq: number;
  private isReceiving = false;
  private readonly applier: QueueApplier;
  private hasApplyFailedSinceMirror = false;
  private appliedOps = 0;
  private appliedBytes = 0;
  /** Refusals of the batch being received, answered to the sender. */
  private batchRefusals: AgentBatchResult['refusals'] | null = null;
  private readonly stopWatchingMachine: () => void;

  constructor(private readonly context: TargetJobContext) {
    const { setup, jobDir } = context;
    this.roots = targetRootsOf(setup);
    const storage = join(setup.replicaRoot, '.syncsafe', context.jobId);
    mkdirSync(jobDir, { recursive: true, mode: 0o700 });
    for (const root of this.roots) mkdirSync(root.dir, { recursive: true });
    this.stateFile = join(jobDir, 'target-state.json');
    this.state = readJsonFile(this.stateFile, TargetStateSchema) ?? createTargetState(context.newChannelId());
    this.partials = new PartialFiles(join(storage, 'partial'));
    this.snapshots = new SnapshotStore(join(storage, 'snapshots'), context.jobId);
    const paths = new ReplicaPaths(this.roots);
    this.writer = new ReplicaWriter(paths, { tempDir: join(storage, 'tmp'), partials: this.partials }, (e) => this.recordRefusal(e));
    this.appliedLog = new AppliedLog(join(jobDir, 'applied.log'));
    this.queue = new TargetQueue(join(jobDir, 'queue'));
    this.queue.recover(this.appliedLog.appliedThroughSeq);
    this.receivedThroughSeq = Math.max(this.queue.lastSeq, this.appliedLog.appliedThroughSeq);
    const marker = join(jobDir, 'applying');
    this.applier = new QueueApplier(this.queue, this.appliedLog, marker, {
      canApply: () => !this.state.isApplyPaused && context.machine.isOn(),
      applyHead: () => this.applyHead(),
      onIdle: () => this.persist(),
    });
    if (existsSync(marker)) {
      this.applier.clearApplying();
      this.markBad('apply-interrupted', 'the agent stopped while applying the target queue');
    }
    this.persist();
    this.stopWatchingMachine = context.machine.onChange(() => this.applier.schedule());
    this.applier.schedule();
  }

  get jobId(): string {
    return this.context.jobId;
  }

  get channelId(): string {
    return this.state.channelId;
  }

  get current(): Readonly<TargetState> {
    return this.state;
  }

  describe(): AgentChannelState {
    return {
      channelId: this.channelId,
      kind: this.kind,
      jobId: this.jobId,
      isAccepting: this.state.isAccepting,
      receivedThroughSeq: this.receivedThroughSeq,
      appliedThroughSeq: this.appliedLog.appliedThroughSeq,
      epoch: this.state.epoch,
    };
  }

  manifest(withHashes: boolean): AgentManifestResponse {
    return buildManifest(
      { roots: this.roots, partials: this.partials, receivedThroughSeq: this.receivedThroughSeq, epoch: this.state.epoch },
      withHashes,
    );
  }

  async receive(body: NodeJS.ReadableStream): Promise<AgentBatchResult> {
    if (!this.state.isAccepting) throw conflict(`job ${this.jobId} is not accepting replication (target status ${this.targetStatus()})`);
    if (this.isReceiving) throw conflict(`job ${this.jobId} is already receiving a batch`);
    this.isReceiving = true;
    const refusals: AgentBatchResult['refusals'] = [];
    this.batchRefusals = refusals;
    let hasQueued = false;
    let isApplying = false;
    try {
      await receiveFrames(body, (op, content, header) => {
        if (op.seq <= this.receivedThroughSeq) return; // a resent frame we already hold
        if (this.canApplyDirectly()) {
          // Applying checks every path too: a refusal is recorded there.
          if (!isApplying) this.applier.markApplying();
          isApplying = true;
          this.applyOne(op, content);
        } else if (this.isRefusedBeforeQueueing(op)) {
          this.receivedThroughSeq = op.seq;
          return;
        } else {
          this.queue.append(encodeFrameHeader(header as object), content, {
            seq: op.seq,
            kind: op.kind,
            path: pathOf(op),
            ...(op.kind === 'rename' ? { fromPath: op.fromPath } : {}),
            capturedAt: op.capturedAt,
          });
          hasQueued = true;
        }
        this.receivedThroughSeq = op.seq;
      });
    } finally {
      if (hasQueued) this.queue.sync();
      this.appliedLog.flush();
      if (isApplying) this.applier.clearApplying();
      this.isReceiving = false;
      this.batchRefusals = null;
      this.persist();
      this.applier.schedule();
    }
    return { epoch: this.state.epoch, receivedThroughSeq: this.receivedThroughSeq, appliedThroughSeq: this.appliedLog.appliedThroughSeq, refusals };
  }

  setApplyPaused(isPaused: boolean): void {
    this.state.isApplyPaused = isPaused;
    this.persist();
    this.applier.schedule();
  }

  setAccepting(isAccepting: boolean): void {
    this.state.isAccepting = isAccepting;
    this.persist();
  }

  /** Applies what is queued now, paused or not; changes that arrive meanwhile wait their turn. */
  async applyQueue(): Promise<AgentApplyReport> {
    const before = { ops: this.appliedOps, bytes: this.appliedBytes };
    await this.applier.applyThrough(this.queue.lastSeq);
    return { action: 'applied', appliedOps: this.appliedOps - before.ops, appliedBytes: this.appliedBytes - before.bytes };
  }

  /** Drops the whole target queue and reports every op dropped. */
  async discardQueue(): Promise<AgentDiscardReport> {
    await this.applier.stop();
    const ops = this.queue.discardAll();
    const last = ops.at(-1);
    if (last) this.appliedLog.record(last.seq);
    this.state.epoch++;
    this.persist();
    return { action: 'discarded', discardedOps: ops.length, discardedBytes: ops.reduce((sum, op) => sum + op.bytes, 0), ops };
  }

  queueListing(limit: number) {
    const ops = this.queue.summaries(limit + 1);
    return { queue: this.queueStatus(), ops: ops.slice(0, limit), isTruncated: ops.length > limit };
  }

  takeSnapshot(type: AgentSnapshot['type'], reason: string | null): AgentSnapshot {
    return this.snapshots.take(this.roots, type, this.state.dataState.state === 'good', reason);
  }

  /** Reverts the replica to a snapshot; the queue (newer than the snapshot) is discarded first. */
  async revertToSnapshot(snapshotId: string): Promise<{ snapshot: AgentSnapshot; discarded: AgentDiscardReport }> {
    this.snapshots.get(snapshotId);
    const discarded = await this.discardQueue();
    const snapshot = this.snapshots.revert(snapshotId, this.roots);
    this.partials.clear();
    this.state.isReverted = true;
    if (snapshot.isGood) this.markGood();
    else this.markBad('verification-failed', `reverted to snapshot ${snapshotId}, which was taken while the data was bad`);
    this.state.epoch++;
    this.persist();
    return { snapshot, discarded };
  }

  markBad(reason: AgentBadDataReason, detail: string): void {
    const previous = this.state.dataState;
    if (previous.state === 'bad') return;
    // The product snapshots the replica on every good→bad transition. Taken before a full mirror
    // starts changing files, that copy is still good; for the other reasons the damage is done.
    const snapshot = this.state.hasCompletedMirror
      ? this.snapshots.take(this.roots, 'automatic', reason === 'mirror-in-progress', `target data became bad: ${reason}`)
      : null;
    this.state.dataState = { state: 'bad', reason, detail, since: Date.now() };
    this.persist();
    this.context.bus.publish({ kind: 'data-state-changed', jobId: this.jobId, from: 'good', to: 'bad', reason, snapshotId: snapshot?.snapshotId ?? null });
  }

  markGood(): void {
    if (this.state.dataState.state === 'good') return;
    this.state.dataState = { state: 'good', reason: null, detail: null, since: Date.now() };
    this.persist();
    this.context.bus.publish({ kind: 'data-state-changed', jobId: this.jobId, from: 'bad', to: 'good', reason: null, snapshotId: null });
  }

  updateState(change: Partial<TargetState>): void {
    this.state = { ...this.state, ...change };
    this.persist();
  }

  status(): AgentTargetJobStatus {
    const s = this.state;
    return {
      status: this.targetStatus(),
      replicaRoot: this.context.setup.replicaRoot,
      isAccepting: s.isAccepting,
      queue: this.queueStatus(),
      dataState: s.dataState,
      refusals: s.refusals,
      refusalsTotal: s.refusalsTotal,
      sourceIdentity: s.sourceIdentity,
      standIn: s.standIn,
      shares: s.shares,
      failedOverAt: s.failedOverAt,
      lastMirrorCompletedAt: s.lastMirrorCompletedAt,
    };
  }

  close(): void {
    this.isClosed = true;
    this.stopWatchingMachine();
    void this.applier.stop();
    this.queue.close();
    this.appliedLog.close();
  }

  private targetStatus(): AgentTargetStatus {
    const s = this.state;
    if (s.failedOverAt !== null) return 'failed-over';
    if (!s.isAccepting) return 'stopped';
    if (s.isReverted) return 'snapshot-reverted';
    if (s.isApplyPaused) return 'paused';
    if (s.mirrorInProgress !== null) return 'mirroring';
    return s.hasCompletedMirror ? 'replicating' : 'online';
  }

  private queueStatus() {
    const oldest = this.queue.peek();
    return {
      ops: this.queue.length,
      bytes: this.queue.bytes,
      isApplyPaused: this.state.isApplyPaused,
      lagMs: oldest ? Math.max(0, Date.now() - oldest.capturedAt) : 0,
      oldestCapturedAt: oldest?.capturedAt ?? null,
      appliedOps: this.appliedOps,
      appliedBytes: this.appliedBytes,
      receivedThroughSeq: this.receivedThroughSeq,
      appliedThroughSeq: this.appliedLog.appliedThroughSeq,
    };
  }

  /** A change that could never be applied is refused now rather than kept in the queue. */
  private isRefusedBeforeQueueing(op: AgentReplicationOp): boolean {
    try {
      this.writer.precheck(op);
      return false;
    } catch (error) {
      if (!(error instanceof PathRefusedError)) throw error;
      this.recordRefusal(error);
      return true;
    }
  }

  private canApplyDirectly(): boolean {
    return (
      this.queue.length === 0 && !this.state.isApplyPaused && !this.applier.isBusy && this.context.machine.isOn()
    );
  }

  private applyHead(): void {
    const queued = this.queue.peek()!;
    const { header, content } = this.queue.read(queued);
    this.applyOne(parseOp(header), content);
    this.queue.shift();
  }

  private applyOne(op: AgentReplicationOp, content: Buffer): void {
    switch (op.kind) {
      case 'mirror-started':
        this.state.mirrorInProgress = op.mirrorId;
        this.hasApplyFailedSinceMirror = false;
        if (op.mode !== 'differences' || !this.state.hasCompletedMirror) this.markBad('mirror-in-progress', `${op.mode} mirror ${op.mirrorId}`);
        break;
      case 'mirror-completed':
        this.state.mirrorInProgress = null;
        this.state.hasCompletedMirror = true;
        this.state.isReverted = false;
        this.state.lastMirrorCompletedAt = Date.now();
        if (!this.hasApplyFailedSinceMirror) this.markGood();
        break;
      case 'system-state':
        this.state.sourceIdentity = op.identity;
        this.state.sourceAdapters = op.adapters;
        break;
      default:
        this.applyChange(op, content);
    }
    this.appliedLog.record(op.seq, REPEATABLE_KINDS.has(op.kind));
    this.appliedOps++;
    this.appliedBytes += content.length;
  }

  private applyChange(op: AgentReplicationOp, content: Buffer): void {
    try {
      this.writer.apply(op, content);
    } catch (error) {
      if (error instanceof PathRefusedError) {
        this.recordRefusal(error);
        return;
      }
      this.hasApplyFailedSinceMirror = true;
      this.markBad('apply-failed', `${op.kind} ${pathOf(op)}: ${(error as Error).message}`);
    }
  }

  private recordRefusal(error: PathRefusedError) {
    const refusal = { at: Date.now(), path: error.path, reason: error.reason };
    this.state.refusals = [...this.state.refusals.slice(-(REFUSALS_KEPT - 1)), refusal];
    this.state.refusalsTotal++;
    this.batchRefusals?.push(refusal);
    this.context.bus.publish({ kind: 'path-refused', jobId: this.jobId, path: error.path, reason: error.reason });
    return refusal;
  }

  /** Writes the state only when it changed: an fsync per batch would make ext4 flush replica data early. */
  private persist(): void {
    if (this.isClosed) return;
    const text = JSON.stringify(this.state);
    if (text === this.persisted) return;
    writeJsonFileAtomic(this.stateFile, this.state);
    this.persisted = text;
  }
}

function pathOf(op: AgentReplicationOp): string {
  return 'path' in op ? op.path : `(${op.kind})`;
}
