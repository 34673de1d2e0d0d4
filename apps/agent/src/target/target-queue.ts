import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, mkdirSync, openSync, readdirSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentQueuedOpSummary } from '@syncsafe/contracts';

const SEGMENT_LIMIT_BYTES = 64 * 1024 * 1024;

interface Segment {
  file: string;
  fd: number;
  size: number;
  /** Ops of this segment still in the queue. */
  live: number;
}

export interface QueuedOp extends AgentQueuedOpSummary {
  segment: Segment;
  offset: number;
  headerLength: number;
  frameLength: number;
}

export interface FrameSummary {
  seq: number;
  kind: string;
  path: string;
  fromPath?: string;
  capturedAt: number;
}

/**
 * The durable target queue: frames received and not yet applied, appended to segment files in the
 * order they arrived. A frame is acknowledged to the sender only after the segment is synced, and
 * it leaves the queue only after it was applied (or discarded).
 */
export class TargetQueue {
  private ops: QueuedOp[] = [];
  private head = 0;
  private segments: Segment[] = [];
  private writeSegment: Segment | null = null;
  private totalBytes = 0;
  private nextSegmentNumber = 1;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** Rebuilds the queue from disk, dropping frames already applied and a torn frame at the end. */
  recover(appliedThroughSeq: number): void {
    const names = readdirSync(this.dir).filter((n) => /^segment-\d+\.log$/.test(n)).sort();
    for (const name of names) {
      const number = Number(name.slice(8, -4));
      this.nextSegmentNumber = Math.max(this.nextSegmentNumber, number + 1);
      const file = join(this.dir, name);
      const segment: Segment = { file, fd: openSync(file, 'r+'), size: 0, live: 0 };
      this.segments.push(segment);
      this.scanSegment(segment, appliedThroughSeq);
      if (segment.live === 0) this.dropSegment(segment);
    }
    this.writeSegment = this.segments.at(-1) ?? null;
  }

  get length(): number {
    return this.ops.length - this.head;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get lastSeq(): number {
    return this.length === 0 ? 0 : this.ops[this.ops.length - 1]!.seq;
  }

  peek(): QueuedOp | undefined {
    return this.ops[this.head];
  }

  append(frame: Buffer, content: Buffer, summary: FrameSummary): void {
    const segment = this.segmentForAppend();
    const offset = segment.size;
    writeAll(segment.fd, frame, offset);
    if (content.length > 0) writeAll(segment.fd, content, offset + frame.length);
    const frameLength = frame.length + content.length;
    segment.size += frameLength;
    segment.live++;
    this.totalBytes += frameLength;
    this.ops.push({ ...summary, bytes: content.length, segment, offset, headerLength: frame.length, frameLength });
  }

  /** Makes everything appended so far durable; called before a batch is acknowledged. */
  sync(): void {
    if (this.writeSegment) fdatasyncSync(this.writeSegment.fd);
  }

  /** The header JSON and content of a queued frame. */
  read(op: QueuedOp): { header: unknown; content: Buffer } {
    const frame = Buffer.allocUnsafe(op.frameLength);
    readAll(op.segment.fd, frame, op.offset);
    return {
      header: JSON.parse(frame.toString('utf8', 4, op.headerLength)),
      content: frame.subarray(op.headerLength),
    };
  }

  /** Removes the head op (applied or discarded). */
  shift(): void {
    const op = this.ops[this.head];
    if (!op) return;
    this.ops[this.head] = undefined as unknown as QueuedOp;
    this.head++;
    this.totalBytes -= op.frameLength;
    if (--op.segment.live === 0) this.dropSegment(op.segment);
    if (this.head > 4096 && this.head * 2 > this.ops.length) {
      this.ops = this.ops.slice(this.head);
      this.head = 0;
    }
  }

  summaries(limit = Number.POSITIVE_INFINITY): AgentQueuedOpSummary[] {
    const out: AgentQueuedOpSummary[] = [];
    for (let i = this.head; i < this.ops.length && out.length < limit; i++) {
      const { seq, kind, path, fromPath, bytes, capturedAt } = this.ops[i]!;
      out.push(fromPath === undefined ? { seq, kind, path, bytes, capturedAt } : { seq, kind, path, fromPath, bytes, capturedAt });
    }
    return out;
  }

  /** Drops everything and says exactly what was dropped. */
  discardAll(): AgentQueuedOpSummary[] {
    const dropped = this.summaries();
    for (const segment of [...this.segments]) this.dropSegment(segment);
    this.ops = [];
    this.head = 0;
    this.totalBytes = 0;
    return dropped;
  }

  close(): void {
    for (const segment of this.segments) closeSync(segment.fd);
    this.segments = [];
    this.writeSegment = null;
  }

  private segmentForAppend(): Segment {
    if (this.writeSegment && this.writeSegment.size < SEGMENT_LIMIT_BYTES) return this.writeSegment;
    if (this.writeSegment) fdatasyncSync(this.writeSegment.fd);
    const name = `segment-${String(this.nextSegmentNumber++).padStart(10, '0')}.log`;
    const file = join(this.dir, name);
    const segment: Segment = { file, fd: openSync(file, 'w+', 0o600), size: 0, live: 0 };
    this.segments.push(segment);
    this.writeSegment = segment;
    return segment;
  }

  private dropSegment(segment: Segment): void {
    closeSync(segment.fd);
    unlinkSync(segment.file);
    this.segments = this.segments.filter((s) => s !== segment);
    if (this.writeSegment === segment) this.writeSegment = null;
  }

  private scanSegment(segment: Segment, appliedThroughSeq: number): void {
    const fileSize = fstatSync(segment.fd).size;
    const lengthBuffer = Buffer.allocUnsafe(4);
    let offset = 0;
    while (offset + 4 <= fileSize) {
      readAll(segment.fd, lengthBuffer, offset);
      const headerLength = 4 + lengthBuffer.readUInt32BE(0);
      if (offset + headerLength > fileSize) break;
      const headerBuffer = Buffer.allocUnsafe(headerLength);
      readAll(segment.fd, headerBuffer, offset);
      let header: { seq?: unknown; kind?: unknown; path?: unknown; fromPath?: unknown; size?: unknown; capturedAt?: unknown };
      try {
        header = JSON.parse(headerBuffer.toString('utf8', 4));
      } catch {
        break;
      }
      const contentLength = typeof header.size === 'number' ? header.size : 0;
      const frameLength = headerLength + contentLength;
      if (offset + frameLength > fileSize) break;
      const seq = Number(header.seq);
      if (seq > appliedThroughSeq) {
        segment.live++;
        this.totalBytes += frameLength;
        this.ops.push({
          seq,
          kind: String(header.kind),
          path: typeof header.path === 'string' ? header.path : '',
          ...(typeof header.fromPath === 'string' ? { fromPath: header.fromPath } : {}),
          bytes: contentLength,
          capturedAt: Number(header.capturedAt) || 0,
          segment,
          offset,
          headerLength,
          frameLength,
        });
      }
      offset += frameLength;
    }
    if (offset < fileSize) ftruncateSync(segment.fd, offset); // a torn frame from a crash mid-append
    segment.size = offset;
  }
}

function writeAll(fd: number, buffer: Buffer, position: number): void {
  let written = 0;
  while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written, position + written);
}

function readAll(fd: number, buffer: Buffer, position: number): void {
  let read = 0;
  while (read < buffer.length) {
    const n = readSync(fd, buffer, read, buffer.length - read, position + read);
    if (n === 0) throw new Error('queue segment ended early');
    read += n;
  }
}
