import {
  AgentFaultStateSchema,
  AgentHealthSchema,
  AgentInfoSchema,
  AgentJobListResponseSchema,
  AgentJobSetupResponseSchema,
  AgentJobStatusSchema,
  AgentOpenFilesResponseSchema,
  AgentQueueListingSchema,
  AgentSnapshotListResponseSchema,
  AgentStepRecordSchema,
  AgentStepResultSchemas,
  type AgentFaultRequest,
  type AgentJobSetupRequestSchema,
  type AgentFaultState,
  type AgentHealth,
  type AgentInfo,
  type AgentJobSetupRequest,
  type AgentJobSetupResponse,
  type AgentJobStatus,
  type AgentOpenFilesResponse,
  type AgentQueueListing,
  type AgentSnapshot,
  type AgentStepCommandInput,
  type AgentStepCommandName,
  type AgentStepRecord,
  type AgentStepResultOf,
} from '@syncsafe/contracts';
import type { z } from 'zod';
import { AgentRequestError, AgentStepFailedError, AgentUnreachableError } from './agent-client-errors.ts';
import { openHeartbeatStream, type HeartbeatHandlers, type HeartbeatSubscription } from './heartbeat-subscription.ts';

export interface AgentClientOptions {
  address: string;
  port: number;
  username: string;
  password: string;
  /** Per HTTP request (default 30 s). */
  requestTimeoutMs?: number;
}

export interface RunStepOptions {
  /** Give up after this long (default 10 minutes); connection drops are retried until then. */
  timeoutMs?: number;
}

type JobSetupInput = z.input<typeof AgentJobSetupRequestSchema>;

/**
 * The console's typed client for one agent. `runStep` is the way to order anything: it retries the
 * same step id across connection drops and agent restarts until the step finishes, and the agent
 * guarantees one execution per step id.
 */
export class AgentClient {
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly requestTimeoutMs: number;

  constructor(private readonly options: AgentClientOptions) {
    const host = options.address.includes(':') ? `[${options.address}]` : options.address;
    this.baseUrl = `http://${host}:${options.port}`;
    this.authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  health(): Promise<AgentHealth> {
    return this.request('GET', '/v1/health', undefined, AgentHealthSchema);
  }

  info(): Promise<AgentInfo> {
    return this.request('GET', '/v1/info', undefined, AgentInfoSchema);
  }

  async listJobs(): Promise<AgentJobStatus[]> {
    return (await this.request('GET', '/v1/jobs', undefined, AgentJobListResponseSchema)).jobs;
  }

  getJob(jobId: string): Promise<AgentJobStatus> {
    return this.request('GET', `/v1/jobs/${encodeURIComponent(jobId)}`, undefined, AgentJobStatusSchema);
  }

  /** Idempotent: the same setup again answers the same (a target answers its channel grant each time). */
  setUpJob(jobId: string, setup: JobSetupInput | AgentJobSetupRequest): Promise<AgentJobSetupResponse> {
    return this.request('PUT', `/v1/jobs/${encodeURIComponent(jobId)}`, setup, AgentJobSetupResponseSchema);
  }

  async deleteJob(jobId: string): Promise<void> {
    await this.request('DELETE', `/v1/jobs/${encodeURIComponent(jobId)}`, undefined, null);
  }

  async listSnapshots(jobId: string): Promise<AgentSnapshot[]> {
    return (await this.request('GET', `/v1/jobs/${encodeURIComponent(jobId)}/snapshots`, undefined, AgentSnapshotListResponseSchema)).snapshots;
  }

  getQueue(jobId: string, limit = 1000): Promise<AgentQueueListing> {
    return this.request('GET', `/v1/jobs/${encodeURIComponent(jobId)}/queue?limit=${limit}`, undefined, AgentQueueListingSchema);
  }

  /** Read-only: files under `directories` that a process on the machine has open (a restore needs them closed). */
  openFiles(directories: string[]): Promise<AgentOpenFilesResponse> {
    return this.request('POST', '/v1/open-files', { directories }, AgentOpenFilesResponseSchema);
  }

  /** One attempt: 200 with the finished record, or the running record after `waitMs`. */
  postStep(stepId: string, command: AgentStepCommandInput, waitMs = 20_000): Promise<AgentStepRecord> {
    return this.request('POST', `/v1/steps/${encodeURIComponent(stepId)}?waitMs=${waitMs}`, command, AgentStepRecordSchema);
  }

  async getStep(stepId: string): Promise<AgentStepRecord | null> {
    try {
      return await this.request('GET', `/v1/steps/${encodeURIComponent(stepId)}`, undefined, AgentStepRecordSchema);
    } catch (error) {
      if (error instanceof AgentRequestError && error.status === 404) return null;
      throw error;
    }
  }

  /** Runs a step to completion and returns its typed result, or throws `AgentStepFailedError`. */
  async runStep<C extends AgentStepCommandName>(
    stepId: string,
    command: Extract<AgentStepCommandInput, { command: C }>,
    options: RunStepOptions = {},
  ): Promise<AgentStepResultOf<C>> {
    const deadline = Date.now() + (options.timeoutMs ?? 600_000);
    let backoff = 100;
    for (;;) {
      let record: AgentStepRecord | null = null;
      try {
        // Posting the same step id again waits on the running step: a long poll, not a new run.
        record = await this.postStep(stepId, command, Math.min(20_000, Math.max(0, deadline - Date.now())));
      } catch (error) {
        if (!(error instanceof AgentUnreachableError) || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, backoff));
        backoff = Math.min(backoff * 2, 2000);
        continue;
      }
      if (record.status === 'succeeded') return AgentStepResultSchemas[command.command].parse(record.result) as AgentStepResultOf<C>;
      if (record.status === 'failed') {
        throw new AgentStepFailedError(stepId, record.error?.code ?? 'internal', record.error?.message ?? 'step failed', record.error?.details);
      }
      if (Date.now() > deadline) throw new AgentStepFailedError(stepId, 'timeout', `step ${stepId} did not finish in time`);
    }
  }

  injectFault(fault: AgentFaultRequest): Promise<AgentFaultState> {
    return this.request('POST', '/v1/faults', fault, AgentFaultStateSchema);
  }

  /** Heartbeats and events over a WebSocket. */
  subscribe(handlers: HeartbeatHandlers): HeartbeatSubscription {
    return openHeartbeatStream(`${this.baseUrl.replace('http', 'ws')}/v1/heartbeats`, this.authorization, handlers);
  }

  /**
   * Every agent request is safe to repeat (steps by id, job setup by PUT, faults set a state), so a
   * request that failed at the connection is tried once more: a kept-alive connection may have been
   * dropped by the agent (restart, power cycle) just before it was reused.
   */
  private async send(method: string, path: string, body: unknown): Promise<Response> {
    const attempt = () =>
      fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { authorization: this.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
    try {
      return await attempt().catch(attempt);
    } catch (error) {
      throw new AgentUnreachableError(`${this.options.address}:${this.options.port} is unreachable: ${(error as Error).message}`);
    }
  }

  private async request<T extends z.ZodType>(method: string, path: string, body: unknown, schema: T | null): Promise<z.infer<T>> {
    const response = await this.send(method, path, body);
    const text = await response.text().catch((error: unknown) => {
      throw new AgentUnreachableError(`${this.options.address}:${this.options.port} dropped the answer: ${(error as Error).message}`);
    });
    if (!response.ok) {
      let error: { code?: string; message?: string; details?: unknown } = {};
      try {
        error = (JSON.parse(text) as { error?: typeof error }).error ?? {};
      } catch {
        // not JSON
      }
      throw new AgentRequestError(response.status, error.code ?? 'internal', error.message ?? text, error.details);
    }
    if (schema === null || response.status === 204) return undefined as z.infer<T>;
    return schema.parse(JSON.parse(text));
  }
}

export function createAgentClient(options: AgentClientOptions): AgentClient {
  return new AgentClient(options);
}
