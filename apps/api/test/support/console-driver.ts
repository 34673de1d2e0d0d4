import type { Job, JobState, Operation } from '@syncsafe/contracts';
import type { Caller, TestApp } from './test-app.ts';
import { AGENT_PASSWORD, AGENT_USERNAME, type RunningAgent } from './agent-fleet.ts';

/** Drives the console's API the way an operator's browser would, and waits on its event stream. */
export class ConsoleDriver {
  constructor(
    readonly t: TestApp,
    readonly admin: Caller,
  ) {}

  async addServer(agent: RunningAgent, overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await this.admin.request({
      method: 'POST',
      url: '/api/servers',
      payload: { name: agent.name, address: '127.0.0.1', port: agent.port, username: AGENT_USERNAME, password: AGENT_PASSWORD, ...overrides },
    });
    if (res.statusCode !== 201) throw new Error(`add server ${agent.name}: ${res.statusCode} ${res.body}`);
    return res.json().id;
  }

  async createJob(body: Record<string, unknown>): Promise<Job> {
    const res = await this.admin.request({ method: 'POST', url: '/api/jobs', payload: body });
    if (res.statusCode !== 201) throw new Error(`create job: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  async job(id: string): Promise<Job> {
    return (await this.admin.request({ url: `/api/jobs/${id}` })).json();
  }

  async command(jobId: string, command: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    return this.admin.request({ method: 'POST', url: `/api/jobs/${jobId}/${command}`, payload: body, headers });
  }

  /** Sends a command that must be accepted and waits for its operation to end; returns the operation. */
  async run(jobId: string, command: string, body: Record<string, unknown> = {}): Promise<Operation> {
    const res = await this.command(jobId, command, body);
    if (res.statusCode !== 202) throw new Error(`${command}: ${res.statusCode} ${res.body}`);
    return this.finished(res.json().id);
  }

  async finished(operationId: string): Promise<Operation> {
    for (;;) {
      await this.t.app.operations.settled(operationId);
      const operation: Operation = (await this.admin.request({ url: `/api/operations/${operationId}` })).json();
      if (operation.status === 'succeeded' || operation.status === 'failed') return operation;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Waits until the job satisfies `until`, re-checking on every stream event (and every second). */
  async waitForJob(jobId: string, until: (job: Job) => boolean, what = 'condition', timeoutMs = 60_000): Promise<Job> {
    const deadline = Date.now() + timeoutMs;
    let last: Job | null = null;
    while (Date.now() < deadline) {
      last = await this.job(jobId);
      if (until(last)) return last;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 1000);
        const unsubscribe = this.t.app.events.subscribe((e) => {
          if ('jobId' in e.data ? e.data.jobId === jobId : (e.data as { id?: string }).id === jobId) done();
        });
        function done() {
          clearTimeout(timer);
          unsubscribe();
          resolve();
        }
      });
    }
    throw new Error(`job ${jobId}: timed out waiting for ${what}; last: ${JSON.stringify({ state: last?.state, activity: last?.activity, mirror: last?.mirror, mirrorStatus: last?.mirrorStatus, transmit: last?.transmit, targetStatus: last?.targetStatus, lastError: last?.lastError })}`);
  }

  waitForState(jobId: string, state: JobState, timeoutMs?: number) {
    return this.waitForJob(jobId, (j) => j.state === state, `state ${state}`, timeoutMs);
  }
}
