import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import {
  AgentMirrorProgressSchema,
  type AgentBatchResult,
  type AgentChannelEndpoint,
  type AgentMirrorMode,
  type AgentMirrorProgress,
  type AgentProtectionState,
  type AgentSourceJobSetup,
  type AgentSourceJobStatus,
} from '@syncsafe/contracts';
import type { EventBus } from '../events/event-bus.ts';
import type { MachineModel } from '../machine/machine-model.ts';
import { ChannelClient } from '../replication/channel-client.ts';
import { planMirror } from '../replication/mirror-plan.ts';
import { OpStreamer, SeqCounter, type StreamHooks } from '../replication/op-streamer.ts';
import type { PlannedOp } from '../replication/planned-op.ts';
import type { ReplicaRoot } from '../replication/replica-paths.ts';
import { walkDirectory, walkRoots, walkRootsConcurrently, type TreeEntry } from '../replication/tree-walk.ts';
import { conflict } from '../server/agent-error.ts';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file.ts';
import { ChangePlanner, hasChanged } from './change-planner.ts';
import { ChangeSet } from './change-set.ts';
import { DirectoryWatcher } from './directory-watcher.ts';
import { idleMirrorProgress, percentOf, startMirrorProgress } from './mirror-progress.ts';
import { SourceIndex } from './source-index.ts';

const SourceStateSchema = z.object({ isProtecting: z.boolean(), lastMirror: AgentMirrorProgressSchema.nullable() });
type SourceState = z.infer<typeof SourceStateSchema>;

const PATHS_PER_BATCH = 4096;
const MAX_BACKOFF_MS = 5000;
/**
 * @parcel/watcher ignores the kernel's queue overflow (IN_Q_OVERFLOW) without a word, so events
 * are lost silently in a flood. This many events within a second count as a flood: once the sender
 * has caught up, a reconciliation walk finds whatever the watcher dropped.
 */
const FLOOD_EVENTS_PER_SECOND = 1000;
/**
 * A folder that appears is listed at once, racing the program still writing into it, and its lower
 * levels may never be watched (@parcel/watcher's Linux backend, parcel-bundler/watcher#97): it is listed
 * again after these delays. A stopgap until the watch-first-then-list fix; the reconcile stays the net.
 */
const NEW_FOLDER_RECHECK_MS = [250, 2000];

export interface SourceJobContext {
  jobId: string;
  setup: AgentSourceJobSetup;
  jobDir: string;
  bus: EventBus;
  machine: MachineModel;
}

/** A protected directory `/a/b` travels as channel path `a/b`. */
export function sourceRootsOf(setup: AgentSourceJobSetup): ReplicaRoot[] {
  return setup.directories.map((dir) => ({ prefix: dir.slice(1), dir }));
}

/**
 * The source side of a job: watches the protected directories, mirrors them to the target channel,
 * then streams changes. Any failure (target down, network fault, target changed behind our back)
 * ends in a differences mirror once the target is reachable again, so nothing is lost or sent twice in full.
 */
export class SourceJob {
  readonly roots: ReplicaRoot[];
  private state: SourceState;
  private readonly stateFile: string;
  private readonly index = new SourceIndex();
  private readonly changes = new ChangeSet();
  private readonly planner: ChangePlanner;
  private readonly watcher = new DirectoryWatcher();
  private readonly client: ChannelClient;
  private protection: AgentProtectionState = 'stopped';
  private mirror: AgentMirrorProgress = idleMirrorProgress();
  private pendingMirror: AgentMirrorMode | null = null;
  private mirrorWaiters: Array<(progress: AgentMirrorProgress) => void> = [];
  private idleWaiters: Array<() => void> = [];
  private seq: SeqCounter | null = null;
  private epoch: number | null = null;
  private loop: Promise<void> | null = null;
  /** False asks the loop to end; checked between frames and between rounds. */
  private isLooping = false;
  private reconcileTimer: NodeJS.Timeout | null = null;
  private stopWatchingMachine: (() => void) | null = null;
  private sentOps = 0;
  private sentBytes = 0;
  private ackedSeq = 0;
  private lastError: string | null = null;
  private floodWindowStartedAt = 0;
  private floodWindowEvents = 0;
  private isFloodReconcileDue = false;

  constructor(private readonly context: SourceJobContext) {
    this.roots = sourceRootsOf(context.setup);
    this.stateFile = join(context.jobDir, 'source-state.json');
    this.state = readJsonFile(this.stateFile, SourceStateSchema) ?? { isProtecting: false, lastMirror: null };
    if (this.state.lastMirror) this.mirror = this.state.lastMirror;
    this.planner = new ChangePlanner(this.index, this.roots);
    this.client = new ChannelClient(context.setup.target, context.machine);
  }

  get jobId(): string {
    return this.context.jobId;
  }

  get isProtecting(): boolean {
    return this.state.isProtecting;
  }

  /** Resumes protection after an agent restart, if it was on. */
  async resume(): Promise<void> {
    if (this.state.isProtecting) await this.startProtection();
  }

  async startProtection(): Promise<AgentProtectionState> {
    if (this.loop) return this.protection;
    this.persist({ isProtecting: true });
    await this.watcher.start(this.context.setup.directories, {
      onChange: (absolute) => this.onWatchEvent(absolute),
      onLost: () => this.reconcile(),
    });
    this.stopWatchingMachine = this.context.machine.onChange(() => this.onMachineChange());
    const interval = this.context.setup.options.reconcileIntervalMs;
    this.reconcileTimer = setInterval(() => this.reconcile(), interval);
    this.reconcileTimer.unref();
    this.pendingMirror ??= 'differences';
    this.protection = 'mirroring';
    this.isLooping = true;
    this.loop = this.run();
    return this.protection;
  }

  async stopProtection(): Promise<AgentProtectionState> {
    this.persist({ isProtecting: false });
    await this.halt();
    return this.protection;
  }

  /** Stops the loop without changing the persisted intent (agent shutdown). */
  async halt(): Promise<void> {
    if (this.reconcileTimer) clearInterval(this.reconcileTimer);
    this.reconcileTimer = null;
    this.stopWatchingMachine?.();
    this.stopWatchingMachine = null;
    await this.watcher.stop();
    const loop = this.loop;
    this.loop = null;
    this.isLooping = false;
    this.changes.wake();
    this.client.abortAll();
    await loop;
    this.protection = 'stopped';
    if (this.mirror.state === 'mirroring') this.mirror = { ...this.mirror, state: 'stopped', finishedAt: Date.now() };
  }

  close(): void {
    this.client.close();
  }

  /**
   * The target's server got a new address or port (edited in place in the console), protection may be
   * running: the next connection goes there. A request in flight is dropped and ends like any network
   * failure (a differences mirror against what the target acknowledged); a backoff wait ends at once.
   */
  moveTarget(target: AgentChannelEndpoint): void {
    this.context.setup = { ...this.context.setup, target };
    this.client.moveTo(target);
    this.changes.wake();
  }

  /** Runs a mirror now and resolves when one completes. */
  requestMirror(mode: AgentMirrorMode): Promise<AgentMirrorProgress> {
    if (!this.loop) throw conflict(`protection is not running for job ${this.jobId}: start it first`);
    this.pendingMirror = mode;
    const done = new Promise<AgentMirrorProgress>((resolve) => this.mirrorWaiters.push(resolve));
    this.changes.wake();
    return done;
  }

  /** Walks the directories for anything the watcher missed, then waits until the target holds every change. */
  async flushChanges(): Promise<{ ackedSeq: number; sentOps: number }> {
    if (!this.loop) throw conflict(`protection is not running for job ${this.jobId}: start it first`);
    const idle = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    this.reconcile();
    this.changes.wake();
    await idle;
    return { ackedSeq: this.ackedSeq, sentOps: this.sentOps };
  }

  status(): AgentSourceJobStatus {
    return {
      protection: this.protection,
      mirror: { ...this.mirror, percent: percentOf(this.mirror) },
      pendingPaths: this.changes.size,
      sentOps: this.sentOps,
      sentBytes: this.sentBytes,
      ackedSeq: this.ackedSeq,
      lastError: this.lastError,
      bandwidthLimitBytesPerSecond: this.context.machine.throttle.limit,
    };
  }

  private async run(): Promise<void> {
    let backoff = 100;
    while (this.isLooping) {
      try {
        if (!this.context.machine.canSend()) {
          this.protection = 'paused';
          await this.changes.waitForChange();
        } else if (this.pendingMirror) {
          await this.runMirror(this.pendingMirror);
          backoff = 100;
        } else if (this.changes.size > 0) {
          this.protection = 'replicating';
          await this.sendChanges();
          backoff = 100;
        } else if (this.isFloodReconcileDue) {
          this.isFloodReconcileDue = false;
          this.reconcile();
        } else {
          this.protection = 'replicating';
          this.notifyIdle();
          await this.changes.waitForChange();
        }
      } catch (error) {
        if (!this.isLooping) break;
        this.lastError = (error as Error).message;
        this.protection = 'retrying';
        this.pendingMirror ??= 'differences';
        if (this.mirror.state === 'mirroring') this.mirror = { ...this.mirror, state: 'failed', error: this.lastError };
        await Promise.race([new Promise((resolve) => setTimeout(resolve, backoff)), this.changes.waitForChange()]);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private async runMirror(mode: AgentMirrorMode): Promise<void> {
    this.protection = 'mirroring';
    this.mirror = startMirrorProgress(mode);
    const channel = await this.client.getState();
    if (!channel.isAccepting) throw new Error('the target is not accepting replication');
    this.seq = new SeqCounter(channel.receivedThroughSeq);
    const [manifest, local] = await Promise.all([this.client.getManifest(mode === 'checksum'), walkRootsConcurrently(this.roots)]);
    this.epoch = manifest.epoch;
    const plan = planMirror(local, manifest, { mode, shouldRemoveOrphans: true });
    this.index.replaceAll(local);
    this.pendingMirror = null;
    this.mirror = { ...this.mirror, filesScanned: plan.filesScanned, filesTotal: plan.filesTotal, bytesTotal: plan.bytesTotal };
    const { identity, adapters } = this.context.machine.snapshot;
    const mirrorId = randomUUID();
    const ops: PlannedOp[] = [
      { kind: 'marker', op: { kind: 'system-state', identity, adapters } },
      { kind: 'marker', op: { kind: 'mirror-started', mirrorId, mode } },
      ...plan.ops,
      { kind: 'marker', op: { kind: 'mirror-completed', mirrorId } },
    ];
    await this.stream(ops, {
      onFileSent: () => {
        this.mirror.filesDone++;
      },
      onContent: (bytes) => {
        this.mirror.bytesDone = Math.min(this.mirror.bytesTotal, this.mirror.bytesDone + bytes);
        this.mirror.bytesSent += bytes;
      },
    });
    this.mirror = { ...this.mirror, state: 'completed', percent: 100, finishedAt: Date.now() };
    this.lastError = null;
    this.persist({ lastMirror: this.mirror });
    this.context.bus.publish({ kind: 'mirror-finished', jobId: this.jobId, progress: this.mirror });
    const waiters = this.mirrorWaiters;
    this.mirrorWaiters = [];
    for (const waiter of waiters) waiter(this.mirror);
  }

  private async sendChanges(): Promise<void> {
    const ops = this.planner.plan(this.changes.take(PATHS_PER_BATCH));
    if (ops.length > 0) await this.stream(ops, {});
    const folders = ops.flatMap((op) => (op.kind === 'mkdir' ? [op.entry] : []));
    if (folders.length === 0) return;
    for (const delay of NEW_FOLDER_RECHECK_MS) setTimeout(() => this.recheckFolders(folders), delay).unref();
  }

  /** Marks what differs from the index inside folders that appeared (see NEW_FOLDER_RECHECK_MS). */
  private recheckFolders(folders: TreeEntry[]): void {
    if (!this.isLooping || this.pendingMirror) return;
    const inside: TreeEntry[] = [];
    for (const folder of folders) walkDirectory(folder.path, folder.absolute, inside);
    this.markDiffering(inside);
  }

  /** Marks every entry the index does not hold as it is now; returns the paths seen. */
  private markDiffering(entries: Iterable<TreeEntry>): Set<string> {
    const seen = new Set<string>();
    for (const entry of entries) {
      seen.add(entry.path);
      const sent = this.index.get(entry.path);
      if (!sent || hasChanged(sent, entry)) this.changes.add(entry.path);
    }
    return seen;
  }

  private async stream(ops: PlannedOp[], hooks: StreamHooks): Promise<void> {
    if (!this.seq) throw new Error('no replication session: a mirror is needed first');
    const streamer = new OpStreamer(this.client, this.seq, {
      checkContinue: () => {
        if (!this.isLooping) throw new Error('protection stopped');
      },
      onFileSent: (sent, bytes) => {
        if (this.index.has(sent.path)) this.index.set(sent);
        hooks.onFileSent?.(sent, bytes);
      },
      onContent: (bytes) => {
        this.sentBytes += bytes;
        hooks.onContent?.(bytes);
      },
      onFileSkipped: (entry) => this.changes.add(entry.path),
      onBatchResult: (result) => this.onBatchResult(result),
    });
    const totals = await streamer.send(ops);
    this.sentOps += totals.ops;
  }

  private onBatchResult(result: AgentBatchResult): void {
    this.ackedSeq = result.receivedThroughSeq;
    if (this.epoch !== null && result.epoch !== this.epoch) this.pendingMirror ??= 'differences';
  }

  /** Marks every path that differs from the index: the safety net under the watcher. */
  private reconcile(): void {
    if (!this.isLooping || this.pendingMirror) return;
    const seen = this.markDiffering(walkRoots(this.roots));
    for (const path of this.index.paths()) if (!seen.has(path)) this.changes.add(path);
  }

  private onWatchEvent(absolute: string): void {
    this.changes.add(absolute.slice(1));
    const now = Date.now();
    if (now - this.floodWindowStartedAt > 1000) {
      this.floodWindowStartedAt = now;
      this.floodWindowEvents = 0;
    }
    if (++this.floodWindowEvents === FLOOD_EVENTS_PER_SECOND) this.isFloodReconcileDue = true;
  }

  private onMachineChange(): void {
    if (!this.context.machine.canSend()) this.client.abortAll();
    this.changes.wake();
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }

  private persist(change: Partial<SourceState>): void {
    this.state = { ...this.state, ...change };
    writeJsonFileAtomic(this.stateFile, this.state);
  }
}

