import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { AgentBatchResult } from '@syncsafe/contracts';
import type { BatchRequest } from './batch-request.ts';
import type { ChannelClient } from './channel-client.ts';
import { toReplicableMode, toWholeMs } from './file-attributes.ts';
import type { PlannedOp } from './planned-op.ts';
import type { TreeEntry } from './tree-walk.ts';

/** Files up to this size travel in one frame; larger ones in chunks of this size, resumable. */
export const CHUNK_BYTES = 512 * 1024;
/** Batch limits: each batch is acknowledged; bigger batches mean fewer pauses in a mirror. */
const BATCH_BYTES = 64 * 1024 * 1024;
const BATCH_FRAMES = 16_384;

export interface StreamHooks {
  /** A file's content went out; `sent` is the entry as read (it may be newer than planned). */
  onFileSent?(sent: TreeEntry, contentBytes: number): void;
  /** File content bytes handed to the connection, frame by frame (for progress within large files). */
  onContent?(bytes: number): void;
  /** A file vanished or changed size while being read: it will be planned again. */
  onFileSkipped?(entry: TreeEntry): void;
  onBatchResult?(result: AgentBatchResult): void;
  /** Called before each frame; lets a caller stop a long stream between frames. */
  checkContinue?(): void;
}

export interface StreamTotals {
  ops: number;
  contentBytes: number;
  wireBytes: number;
  lastResult: AgentBatchResult | null;
}

/** Numbers ops for one channel; continues from what the receiver already holds. */
export class SeqCounter {
  constructor(private last: number) {}

  next(): number {
    return ++this.last;
  }

  get current(): number {
    return this.last;
  }
}

/** Encodes planned ops into frames and pushes them in batches; every batch is acknowledged before the next. */
export class OpStreamer {
  private batch: BatchRequest | null = null;
  private readonly totals: StreamTotals = { ops: 0, contentBytes: 0, wireBytes: 0, lastResult: null };

  constructor(
    private readonly client: ChannelClient,
    private readonly seq: SeqCounter,
    private readonly hooks: StreamHooks = {},
  ) {}

  async send(ops: Iterable<PlannedOp>): Promise<StreamTotals> {
    try {
      for (const op of ops) await this.sendOne(op);
      await this.finishBatch();
    } catch (error) {
      this.batch?.abort();
      this.batch = null;
      throw error;
    }
    return this.totals;
  }

  private async frame(header: object, content?: Buffer): Promise<void> {
    this.hooks.checkContinue?.();
    if (!this.batch) this.batch = this.client.openBatch();
    await this.batch.write(header, content);
    await this.afterFrame(content?.length ?? 0);
  }

  /** A frame whose content is read from a file straight into the batch; false when the file came up short. */
  private async filledFrame(header: { size: number }, fd: number, position: number): Promise<boolean> {
    this.hooks.checkContinue?.();
    if (!this.batch) this.batch = this.client.openBatch();
    const isWritten = await this.batch.writeFilled(header, (into, offset, length) => readFully(fd, into, offset, length, position));
    if (isWritten) await this.afterFrame(header.size);
    return isWritten;
  }

  private async afterFrame(contentBytes: number): Promise<void> {
    this.totals.ops++;
    if (contentBytes > 0) {
      this.totals.contentBytes += contentBytes;
      this.hooks.onContent?.(contentBytes);
    }
    if (this.batch!.bytes >= BATCH_BYTES || this.batch!.frames >= BATCH_FRAMES) await this.finishBatch();
  }

  private async finishBatch(): Promise<void> {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    const result = await batch.finish();
    this.totals.wireBytes += batch.bytes;
    this.totals.lastResult = result;
    this.hooks.onBatchResult?.(result);
  }

  private head() {
    return { seq: this.seq.next(), capturedAt: Date.now() };
  }

  private async sendOne(op: PlannedOp): Promise<void> {
    switch (op.kind) {
      case 'marker':
        return this.frame({ ...this.head(), ...op.op });
      case 'mkdir':
      case 'set-attributes':
        return this.frame({ ...this.head(), kind: op.kind, path: op.entry.path, mode: op.entry.mode, mtimeMs: op.entry.mtimeMs });
      case 'symlink':
        return this.frame({ ...this.head(), kind: 'symlink', path: op.entry.path, linkTarget: op.entry.linkTarget });
      case 'delete':
        return this.frame({ ...this.head(), kind: 'delete', path: op.path });
      case 'rename':
        return this.frame({ ...this.head(), kind: 'rename', fromPath: op.fromPath, path: op.path });
      case 'file':
        return this.sendFile(op.entry, op.resumeFrom);
    }
  }

  private async sendFile(entry: TreeEntry, resumeFrom: number): Promise<void> {
    let fd: number;
    try {
      fd = openSync(entry.absolute, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.hooks.onFileSkipped?.(entry);
      return;
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) {
        this.hooks.onFileSkipped?.(entry);
        return;
      }
      const sent: TreeEntry = { ...entry, size: st.size, mtimeMs: toWholeMs(st.mtimeMs), mode: toReplicableMode(st.mode), ino: st.ino };
      const isWhole = st.size <= CHUNK_BYTES && resumeFrom === 0;
      const contentBytes = isWhole ? await this.sendWholeFile(fd, sent) : await this.sendChunks(fd, sent, resumeFrom);
      if (contentBytes >= 0) this.hooks.onFileSent?.(sent, contentBytes);
      else this.hooks.onFileSkipped?.(entry);
    } finally {
      closeSync(fd);
    }
  }

  /** Content bytes sent, or -1 when the file changed size under us. */
  private async sendWholeFile(fd: number, sent: TreeEntry): Promise<number> {
    const header = { ...this.head(), kind: 'write-file', path: sent.path, mode: sent.mode, mtimeMs: sent.mtimeMs, size: sent.size };
    return (await this.filledFrame(header, fd, 0)) ? sent.size : -1;
  }

  private async sendChunks(fd: number, sent: TreeEntry, resumeFrom: number): Promise<number> {
    const start = resumeFrom > 0 && resumeFrom <= sent.size ? resumeFrom : 0;
    for (let offset = start; offset < sent.size; ) {
      const length = Math.min(CHUNK_BYTES, sent.size - offset);
      const header = { ...this.head(), kind: 'write-chunk', path: sent.path, offset, size: length, fileSize: sent.size, fileMtimeMs: sent.mtimeMs };
      if (!(await this.filledFrame(header, fd, offset))) return -1;
      offset += length;
    }
    await this.frame({ ...this.head(), kind: 'commit-file', path: sent.path, mode: sent.mode, mtimeMs: sent.mtimeMs, fileSize: sent.size });
    return sent.size - start;
  }
}

function readFully(fd: number, into: Buffer, offset: number, length: number, position: number): number {
  let read = 0;
  while (read < length) {
    const n = readSync(fd, into, offset + read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return read;
}
