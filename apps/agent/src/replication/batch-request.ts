import type http from 'node:http';
import { AgentBatchResultSchema, type AgentBatchResult } from '@syncsafe/contracts';
import type { BandwidthThrottle } from '../faults/bandwidth-throttle.ts';
import { collect, parseResponse } from './http-response.ts';

/** Frames are packed into buffers of this size before they are written to the connection. */
const PACK_BYTES = 1024 * 1024;

/** Pack buffers go back here once the connection has written them: a mirror reuses a handful instead of allocating one per megabyte. */
const freePacks: Buffer[] = [];

function takePack(): Buffer {
  return freePacks.pop() ?? Buffer.allocUnsafe(PACK_BYTES);
}

function returnPack(pack: Buffer): void {
  if (freePacks.length < 8) freePacks.push(pack);
}

/**
 * One streamed `POST …/batches`. Frames are packed into large buffers (small file content is read
 * straight into them), written with backpressure and throttling.
 */
export class BatchRequest {
  frames = 0;
  bytes = 0;
  private pack = takePack();
  private used = 0;
  private failure: Error | null = null;
  private readonly response: Promise<{ status: number; body: Buffer }>;

  constructor(
    private readonly request: http.ClientRequest,
    private readonly throttle: BandwidthThrottle,
    private readonly onDone: () => void,
  ) {
    this.response = new Promise((resolve, reject) => {
      request.once('error', (error) => {
        this.failure = error;
        reject(error);
      });
      request.once('response', (res) =>
        collect(res).then((body) => resolve({ status: res.statusCode ?? 0, body }), reject),
      );
    });
    this.response.catch(() => undefined);
  }

  /** A frame whose content is already in memory. */
  async write(header: object, content?: Buffer): Promise<void> {
    const json = JSON.stringify(header);
    const headerBytes = 4 + Buffer.byteLength(json);
    const size = content?.length ?? 0;
    if (headerBytes + size <= PACK_BYTES) {
      await this.reserve(headerBytes + size);
      this.putHeader(json, headerBytes);
      if (content) this.used += content.copy(this.pack, this.used);
    } else {
      await this.reserve(headerBytes);
      this.putHeader(json, headerBytes);
      await this.flush();
      if (content) await this.send(content);
    }
    this.frames++;
    this.bytes += headerBytes + size;
  }

  /**
   * A frame whose `size` content bytes `fill` reads straight into the pack. When `fill` delivers
   * fewer bytes (the file shrank), the frame is taken back and false is returned.
   */
  async writeFilled(header: { size: number }, fill: (into: Buffer, offset: number, length: number) => number): Promise<boolean> {
    const json = JSON.stringify(header);
    const headerBytes = 4 + Buffer.byteLength(json);
    if (headerBytes + header.size > PACK_BYTES) throw new Error('frame too large to pack');
    await this.reserve(headerBytes + header.size);
    const start = this.used;
    this.putHeader(json, headerBytes);
    if (fill(this.pack, this.used, header.size) < header.size) {
      this.used = start;
      return false;
    }
    this.used += header.size;
    this.frames++;
    this.bytes += headerBytes + header.size;
    return true;
  }

  async finish(): Promise<AgentBatchResult> {
    await this.flush();
    this.request.end();
    try {
      const response = await this.response;
      return parseResponse(response.status, response.body, AgentBatchResultSchema);
    } finally {
      this.onDone();
    }
  }

  abort(): void {
    this.request.destroy();
    this.onDone();
  }

  private putHeader(json: string, headerBytes: number): void {
    this.pack.writeUInt32BE(headerBytes - 4, this.used);
    this.pack.write(json, this.used + 4, 'utf8');
    this.used += headerBytes;
  }

  private async reserve(length: number): Promise<void> {
    if (this.used + length > PACK_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    const pack = this.pack;
    const data = pack.subarray(0, this.used);
    this.pack = takePack();
    this.used = 0;
    await this.send(data, () => returnPack(pack));
  }

  private async send(data: Buffer, onWritten?: () => void): Promise<void> {
    if (this.failure) throw this.failure;
    await this.throttle.take(data.length);
    if (this.failure) throw this.failure;
    const isBelowLimit = this.request.write(data, (error) => {
      if (!error) onWritten?.();
    });
    if (isBelowLimit) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        this.request.off('error', onError);
        resolve();
      };
      const onError = (error: Error) => {
        this.request.off('drain', onDrain);
        reject(error);
      };
      this.request.once('drain', onDrain);
      this.request.once('error', onError);
    });
  }
}

