import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import {
  AgentChannelStateSchema,
  AgentManifestResponseSchema,
  type AgentChannelEndpoint,
  type AgentChannelState,
  type AgentManifestResponse,
} from '@syncsafe/contracts';
import type { z } from 'zod';
import type { BandwidthThrottle } from '../faults/bandwidth-throttle.ts';
import { BatchRequest } from './batch-request.ts';
import { ChannelRequestError, collect, parseResponse } from './http-response.ts';

export { ChannelRequestError };

/** The sending agent's view of its own machine: it cannot send while off or disconnected. */
export interface SendingMachine {
  canSend(): boolean;
  throttle: BandwidthThrottle;
}

const newHttpAgent = () => new http.Agent({ keepAlive: true, maxSockets: 4 });

/** Pushes replication frames to another agent's channel over HTTP (keep-alive, streamed bodies). */
export class ChannelClient {
  private httpAgent = newHttpAgent();
  private readonly open = new Set<http.ClientRequest>();

  constructor(
    private endpoint: AgentChannelEndpoint,
    private readonly machine: SendingMachine,
  ) {}

  getState(): Promise<AgentChannelState & { wireBytes: number }> {
    return this.requestJson('GET', '', undefined, AgentChannelStateSchema);
  }

  getManifest(withHashes: boolean): Promise<AgentManifestResponse & { wireBytes: number }> {
    return this.requestJson('POST', '/manifest', { withHashes }, AgentManifestResponseSchema);
  }

  openBatch(): BatchRequest {
    this.assertCanSend();
    const request = this.request('POST', '/batches', { 'content-type': 'application/octet-stream' });
    return new BatchRequest(request, this.machine.throttle, () => this.open.delete(request));
  }

  /** Drops every request in flight (network disconnect, power off, stop). */
  abortAll(): void {
    for (const request of this.open) request.destroy(new ChannelRequestError('connection dropped', null));
    this.open.clear();
  }

  close(): void {
    this.abortAll();
    this.httpAgent.destroy();
  }

  /**
   * The receiver moved (its server's address or port was edited): every request from now on goes to
   * the new endpoint. What is in flight is dropped, and so are the kept-alive sockets to the old one.
   */
  moveTo(endpoint: AgentChannelEndpoint): void {
    this.endpoint = endpoint;
    this.abortAll();
    this.httpAgent.destroy();
    this.httpAgent = newHttpAgent();
  }

  private assertCanSend(): void {
    if (!this.machine.canSend()) throw new ChannelRequestError('this machine cannot reach the network', null);
  }

  private request(method: string, suffix: string, headers: Record<string, string>): http.ClientRequest {
    const request = http.request({
      host: this.endpoint.address,
      port: this.endpoint.port,
      method,
      path: `/v1/channels/${encodeURIComponent(this.endpoint.channelId)}${suffix}`,
      agent: this.httpAgent,
      headers: { authorization: `Bearer ${this.endpoint.token}`, ...headers },
    });
    this.open.add(request);
    request.once('close', () => this.open.delete(request));
    return request;
  }

  private async requestJson<T extends z.ZodType>(
    method: string,
    suffix: string,
    body: unknown,
    schema: T,
  ): Promise<z.infer<T> & { wireBytes: number }> {
    this.assertCanSend();
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const request = this.request(method, suffix, payload ? { 'content-type': 'application/json' } : {});
    if (payload) await this.machine.throttle.take(payload.length);
    const response = await new Promise<{ status: number; body: Buffer; isGzip: boolean }>((resolve, reject) => {
      request.once('error', reject);
      request.once('response', (res) =>
        collect(res).then((b) => resolve({ status: res.statusCode ?? 0, body: b, isGzip: res.headers['content-encoding'] === 'gzip' }), reject),
      );
      request.end(payload);
    });
    const text = response.isGzip ? gunzipSync(response.body) : response.body;
    const value = parseResponse(response.status, text, schema);
    return Object.assign(value as object, { wireBytes: (payload?.length ?? 0) + response.body.length }) as z.infer<T> & {
      wireBytes: number;
    };
  }
}

