import { AGENT_MAX_FRAME_CONTENT_BYTES } from '@syncsafe/contracts';

/** Frame headers are small JSON objects; anything larger is a protocol error, not a reason to buffer. */
const MAX_HEADER_BYTES = 64 * 1024;

export class FrameError extends Error {}

/** The prefix of one frame: u32 header length, then the header JSON. Content (if any) follows separately. */
export function encodeFrameHeader(header: object): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.allocUnsafe(4 + json.length);
  prefix.writeUInt32BE(json.length, 0);
  json.copy(prefix, 4);
  return prefix;
}

/** The number of content bytes a header announces (`size` on write frames). */
function readContentSize(header: unknown): number {
  const size = (header as { size?: unknown } | null)?.size;
  if (size === undefined) return 0;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > AGENT_MAX_FRAME_CONTENT_BYTES) {
    throw new FrameError('frame announces an invalid content size');
  }
  return size;
}

export type FrameHandler = (header: unknown, content: Buffer) => void;

/**
 * Splits a byte stream into frames. Feed it chunks as they arrive; it calls the handler once per
 * complete frame, in order, and buffers at most one frame.
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private header: unknown = undefined;
  private contentSize = 0;
  private hasHeader = false;

  push(chunk: Buffer, onFrame: FrameHandler): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (!this.hasHeader) {
        if (this.buffered < 4) return;
        const headerLength = this.peekUInt32();
        if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) throw new FrameError('invalid frame header length');
        if (this.buffered < 4 + headerLength) return;
        const raw = this.take(4 + headerLength);
        try {
          this.header = JSON.parse(raw.toString('utf8', 4));
        } catch {
          throw new FrameError('frame header is not JSON');
        }
        this.contentSize = readContentSize(this.header);
        this.hasHeader = true;
      }
      if (this.buffered < this.contentSize) return;
      const content = this.contentSize === 0 ? EMPTY : this.take(this.contentSize);
      const header = this.header;
      this.hasHeader = false;
      this.header = undefined;
      this.contentSize = 0;
      onFrame(header, content);
    }
  }

  /** True when the stream ended on a frame boundary. */
  isAtBoundary(): boolean {
    return !this.hasHeader && this.buffered === 0;
  }

  private peekUInt32(): number {
    const first = this.chunks[0]!;
    if (first.length >= 4) return first.readUInt32BE(0);
    return Buffer.concat(this.chunks).readUInt32BE(0);
  }

  private take(length: number): Buffer {
    const first = this.chunks[0]!;
    let out: Buffer;
    if (first.length >= length) {
      out = first.subarray(0, length);
      if (first.length === length) this.chunks.shift();
      else this.chunks[0] = first.subarray(length);
    } else {
      out = Buffer.allocUnsafe(length);
      let filled = 0;
      while (filled < length) {
        const head = this.chunks[0]!;
        const n = Math.min(head.length, length - filled);
        head.copy(out, filled, 0, n);
        filled += n;
        if (n === head.length) this.chunks.shift();
        else this.chunks[0] = head.subarray(n);
      }
    }
    this.buffered -= length;
    return out;
  }
}

const EMPTY = Buffer.alloc(0);
