import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAgentClient, type AgentClient } from '@syncsafe/agent-client';
import type { Job, Operation } from '@syncsafe/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_PASSWORD, AGENT_USERNAME, AgentFleet, type RunningAgent } from '../support/agent-fleet.ts';
import { ConsoleProcess, HttpCaller } from '../support/console-process.ts';

/**
 * The console is killed (SIGKILL) in the middle of each operation kind — right before a step reaches
 * its agent, or right after the agent answered and before the console recorded it — then restarted.
 * Every operation must complete, and no agent may have executed any step twice.
 */
let fleet: AgentFleet;
let dataDir: string;
let console_: ConsoleProcess | null = null;
let port = 0;
const agents = new Map<string, AgentClient>();

beforeAll(() => {
  fleet = new AgentFleet();
  dataDir = fleet.tempDir('console');
});
afterAll(async () => {
  await console_?.kill();
  await fleet?.cleanUp();
});

async function startConsole(crashAt?: string) {
  await console_?.kill('SIGTERM');
  console_ = await ConsoleProcess.start(dataDir, { PORT: String(port), ...(crashAt ? { SYNCSAFE_TEST_CRASH_AT: crashAt } : {}) });
  port = Number(new URL(console_.baseUrl).port);
  return HttpCaller.signIn(console_.baseUrl);
}

async function addServer(http: HttpCaller, agent: RunningAgent, adapters: string[] = []) {
  agents.set(agent.name, createAgentClient({ address: '127.0.0.1', port: agent.port, username: AGENT_USERNAME, password: AGENT_PASSWORD }));
  const res = await http.request<{ id: string }>('POST', '/api/servers', { name: agent.name, address: '127.0.0.1', port: agent.port, username: AGENT_USERNAME, password: AGENT_PASSWORD, networkAdapters: adapters });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function waitFor<T>(read: () => Promise<T>, until: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (until(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
}

/** Steps whose agent must have executed them exactly once; a powered-off machine is checked once it is back. */
const unverified: { agent: string; step: Operation['steps'][number]; label: string }[] = [];

/**
 * Each step's agent journal: the step id ran there exactly once, it succeeded, and the result the console
 * recorded is the agent's first answer (a step the agent had never seen is a 404 → null, and fails here).
 */
async function verifySteps() {
  for (const entry of unverified.splice(0)) {
    const record = await agents.get(entry.agent)!.getStep(entry.step.id).catch(() => undefined);
    if (record === undefined) {
      unverified.push(entry);
      continue;
    }
    expect(record, `${entry.label}: not in the agent's step journal`).not.toBeNull();
    expect(record!.attempts, `${entry.label}: times executed by the agent`).toBe(1);
    expect(record!.status, entry.label).toBe('succeeded');
    expect(record!.result, `${entry.label}: the console recorded the agent's first result`).toEqual(entry.step.result);
  }
}

/**
 * The whole operation was seen through: it succeeded, and every one of its planned steps succeeded (none
 * skipped, failed, or left pending or running) and is queued for `verifySteps` on its agent.
 */
async function checkOperation(http: HttpCaller, operation: Operation, label: string) {
  expect(operation.status, `${label}: ${operation.error}`).toBe('succeeded');
  expect(operation.steps.length, `${label}: planned steps`).toBeGreaterThan(0);
  expect(operation.steps.map((s) => [s.key, s.status]), label).toEqual(operation.steps.map((s) => [s.key, 'succeeded']));
  expect(new Set(operation.steps.map((s) => s.id)).size, `${label}: step ids`).toBe(operation.steps.length);
  for (const step of operation.steps) {
    expect(step.finishedAt, `${label}: step ${step.key} finished`).not.toBeNull();
    const server = (await http.request<{ name: string }>('GET', `/api/servers/${step.serverId}`)).body;
    unverified.push({ agent: server.name, step, label: `${label}: step ${step.key} on ${server.name}` });
  }
  await verifySteps();
}

/** An agent's own step journal, read from its data folder: every step id it executed, and how many times. */
function journalOf(agent: RunningAgent): { stepId: string; attempts: number; status: string }[] {
  const dir = join(agent.dataDir, 'agent', 'steps');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { record: { stepId: string; attempts: number; status: string } }).record);
}

const operationsOf = async (http: HttpCaller, jobId: string) => (await http.request<{ items: Operation[] }>('GET', `/api/jobs/${jobId}/operations`)).body.items;

/**
 * Sends the command to a console that will crash at `crashAt`, restarts it after the crash, waits for
 * the operation to end, and checks every step ran exactly once on its agent.
 */
async function crashDuring(jobId: string, crashAt: string, send: (http: HttpCaller) => Promise<{ status: number; body: unknown }>, expectedState: string) {
  const doomed = await startConsole(crashAt);
  const before = (await operationsOf(doomed, jobId)).length;
  const sent = await send(doomed);
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  const operationId = (sent.body as Operation).id;
  const exitCode = await console_!.exited;
  expect(exitCode).toBeNull(); // killed by the signal, not exited
  const http = await startConsole();
  const operations = await waitFor(
    () => operationsOf(http, jobId),
    (items) => items.length > 0 && items.every((o) => o.status === 'succeeded' || o.status === 'failed'),
    `operations of ${crashAt} to end`,
  );
  // The crash neither lost the command nor made a second operation of it.
  expect(operations.map((o) => o.id).slice(0, operations.length - before), crashAt).toEqual([operationId]);
  await checkOperation(http, operations.find((o) => o.id === operationId)!, crashAt);
  const job = (await http.request<Job>('GET', `/api/jobs/${jobId}`)).body;
  expect(job.state, crashAt).toBe(expectedState);
  return http;
}

describe('crash recovery', () => {
  it('every Files and Folders operation kind survives a console crash at its riskiest step', { timeout: 300_000 }, async () => {
    const [source, target] = await Promise.all([fleet.start({ name: 'crash01' }), fleet.start({ name: 'crash02' })]);
    let http = await startConsole();
    const sourceId = await addServer(http, source);
    const targetId = await addServer(http, target);
    const data = join(source.disk, 'data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'file.txt'), 'content');
    const body = { name: 'Crash files', type: 'files-and-folders', sourceServerId: sourceId, targetServerId: targetId, directories: [data], replicaRoot: join(target.disk, 'replica') };

    const doomed = await startConsole('start:mirror:after');
    const created = await doomed.request<Job>('POST', '/api/jobs', body);
    expect(created.status).toBe(201);
    const jobId = created.body.id;
    await console_!.exited;
    http = await startConsole();
    await waitFor(async () => (await http.request<Job>('GET', `/api/jobs/${jobId}`)).body, (j) => j.state === 'protecting', 'protecting after the crash');
    const [start, ...others] = await operationsOf(http, jobId);
    expect(others).toEqual([]);
    await checkOperation(http, start!, 'start:mirror:after');

    await crashDuring(jobId, 'take-snapshot:take-snapshot:after', (h) => h.request('POST', `/api/jobs/${jobId}/snapshots`, {}), 'protecting');
    await crashDuring(jobId, 'failover:failover-files:after', (h) => h.request('POST', `/api/jobs/${jobId}/failover`, { type: 'live', queue: 'apply' }), 'failed-over');
    await crashDuring(jobId, 'restore:restore:before', (h) => h.request('POST', `/api/jobs/${jobId}/restore`, { restoreData: true }), 'restored');
    await crashDuring(jobId, 'failback:failback:after', (h) => h.request('POST', `/api/jobs/${jobId}/failback`, {}), 'stopped');
    await crashDuring(jobId, 'start:start-protection:before', (h) => h.request('POST', `/api/jobs/${jobId}/start`, {}), 'protecting');
    http = await crashDuring(jobId, 'stop:stop-protection:after', (h) => h.request('POST', `/api/jobs/${jobId}/stop`, {}), 'stopped');
    // Both agents stayed up: every step of every operation was checked in its agent's journal.
    expect(unverified.map((u) => u.label)).toEqual([]);
    const operations = await operationsOf(http, jobId);
    expect(operations.map((o) => o.kind)).toEqual(['stop', 'start', 'failback', 'restore', 'failover', 'take-snapshot', 'start']);
    // And the journals hold nothing else: no step ran under another id, each ran once (`<step>.accept` is
    // the receiving side of a protection start, run by its step).
    const stepIds = operations.flatMap((o) => o.steps.map((s) => s.id));
    const journal = [...journalOf(source), ...journalOf(target)];
    expect(journal.filter((r) => r.attempts !== 1 || r.status !== 'succeeded')).toEqual([]);
    expect(journal.map((r) => r.stepId.replace(/\.accept$/, '')).filter((id) => !stepIds.includes(id))).toEqual([]);
    expect(journal.map((r) => r.stepId).filter((id) => !id.endsWith('.accept')).sort()).toEqual([...stepIds].sort());
  });

  it('every Full Server operation kind survives a console crash at its riskiest step', { timeout: 300_000 }, async () => {
    const adapters = ['Production=127.0.0.1', 'Backup'];
    const [source, target, test] = await Promise.all([
      fleet.start({ name: 'crashweb1', adapters }),
      fleet.start({ name: 'crashweb2', adapters }),
      fleet.start({ name: 'crashwebt', adapters }),
    ]);
    const http = await startConsole();
    const names = ['Production', 'Backup'];
    const ids = { source: await addServer(http, source, names), target: await addServer(http, target, names), test: await addServer(http, test, names) };
    const volume = join(source.disk, 'C');
    mkdirSync(volume, { recursive: true });
    writeFileSync(join(volume, 'system.dat'), 'state');
    const created = await http.request<Job>('POST', '/api/jobs', {
      name: 'Crash server',
      type: 'full-server',
      sourceServerId: ids.source,
      targetServerId: ids.target,
      directories: [volume],
      replicaRoot: join(target.disk, 'replica'),
      options: {
        hasReverseProtection: true,
        productionAdapter: 'Production',
        rebootSeconds: 0,
        reverseReplicaRoot: join(source.disk, 'reverse'),
        testFailover: { testServerId: ids.test, replicaPath: join(test.disk, 'test') },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const jobId = created.body.id;
    await waitFor(async () => (await http.request<Job>('GET', `/api/jobs/${jobId}`)).body, (j) => j.state === 'protecting', 'protecting');

    await crashDuring(jobId, 'test-failover:start-test-failover:after', (h) => h.request('POST', `/api/jobs/${jobId}/failover`, { type: 'test', queue: 'apply' }), 'test-failed-over');
    await crashDuring(jobId, 'undo-failover:undo-failover:before', (h) => h.request('POST', `/api/jobs/${jobId}/undo-failover`, {}), 'protecting');
    await crashDuring(jobId, 'failover:failover-full-server:after', (h) => h.request('POST', `/api/jobs/${jobId}/failover`, { type: 'live', queue: 'apply' }), 'failed-over');
    await agents.get('crashweb1')!.injectFault({ fault: 'power-on' });
    await verifySteps();
    await waitFor(async () => (await http.request<{ status: string }>('GET', `/api/servers/${ids.source}`)).body, (s) => s.status === 'online', 'source online');
    await crashDuring(jobId, 'reverse:restore-identity:after', (h) => h.request('POST', `/api/jobs/${jobId}/reverse`, {}), 'protecting');
    expect(unverified).toEqual([]);
  });
});
