import { rmSync, writeFileSync } from 'node:fs';
import type { AppliedLog } from './applied-log.ts';
import type { TargetQueue } from './target-queue.ts';

const SLICE_MS = 50;

export interface ApplierHooks {
  /** Apply is not paused and the machine is on. */
  canApply(): boolean;
  /** Applies the queue's head op and removes it from the queue. */
  applyHead(): void;
  /** A drain ended (queue empty, paused, or stopped): a moment to persist. */
  onIdle(): void;
}

/**
 * Drains the target queue in the background, in slices, so the agent keeps answering while a big
 * queue is applied. While it works (or while a step holds the queue) new changes are queued
 * behind, never applied around it. A marker file says an apply is under way: if the agent dies
 * while it exists, the next start knows the apply was interrupted.
 */
export class QueueApplier {
  private isDraining = false;
  private isScheduled = false;
  private isHeld = false;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly queue: TargetQueue,
    private readonly appliedLog: AppliedLog,
    private readonly markerFile: string,
    private readonly hooks: ApplierHooks,
  ) {}

  /** Draining, or held by a step. */
  get isBusy(): boolean {
    return this.isDraining || this.isHeld;
  }

  markApplying(): void {
    writeFileSync(this.markerFile, '');
  }

  clearApplying(): void {
    rmSync(this.markerFile, { force: true });
  }

  /** Starts a background drain if there is work and nothing stands in the way. */
  schedule(): void {
    if (this.isScheduled || this.isBusy || this.queue.length === 0 || !this.hooks.canApply()) return;
    this.isScheduled = true;
    setImmediate(() => {
      this.isScheduled = false;
      if (this.isBusy || this.queue.length === 0) return;
      this.isDraining = true;
      this.markApplying();
      this.drainSlice();
    });
  }

  /** Applies every queued op up to `lastSeq`, paused or not (the apply-queue and failover steps). */
  async applyThrough(lastSeq: number): Promise<void> {
    await this.stop();
    this.isHeld = true;
    this.markApplying();
    try {
      while (this.queue.length > 0 && this.queue.peek()!.seq <= lastSeq) {
        const deadline = Date.now() + SLICE_MS;
        while (this.queue.length > 0 && this.queue.peek()!.seq <= lastSeq && Date.now() < deadline) this.hooks.applyHead();
        this.appliedLog.flush();
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.isHeld = false;
      this.clearApplying();
      this.hooks.onIdle();
      this.schedule();
    }
  }

  /** Stops a background drain at the end of its current slice. */
  async stop(): Promise<void> {
    if (!this.isDraining) return;
    await new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      this.isDraining = false; // the pending slice sees it and ends
    });
  }

  private drainSlice(): void {
    if (!this.isDraining) return this.finish();
    const deadline = Date.now() + SLICE_MS;
    while (this.queue.length > 0 && this.hooks.canApply() && Date.now() < deadline) this.hooks.applyHead();
    this.appliedLog.flush();
    if (this.queue.length > 0 && this.hooks.canApply()) {
      setImmediate(() => this.drainSlice());
      return;
    }
    this.finish();
  }

  private finish(): void {
    this.isDraining = false;
    this.clearApplying();
    this.hooks.onIdle();
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}
