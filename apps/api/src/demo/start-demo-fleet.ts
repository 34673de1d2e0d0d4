import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CreateJobRequestSchema, CreateServerRequestSchema, type UpdateServerRequest } from '@syncsafe/contracts';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../services/audit/append-audit.ts';
import { createJob } from '../services/jobs/jobs.ts';
import { createServer, updateServer } from '../services/servers/servers.ts';
import { startAgentProcess, type AgentProcess } from './agent-process.ts';
import { agentDataDir, DEMO_ADDRESS, DEMO_SERVERS, DEMO_USERNAME, demoJobs, seededFolders, type DemoServer } from './fleet-spec.ts';
import { seedFolders } from './seed-files.ts';
import { errorCode } from '../lib/error-code.ts';
import { errorText } from '../lib/error-text.ts';

export interface DemoFleetOptions {
  /** SYNCSAFE_DATA_DIR: the fleet lives in its `demo/` folder. */
  dataDir: string;
  /** SYNCSAFE_DEMO_PORT_BASE: server n listens on portBase + n when that port is free. */
  portBase: number;
}

export interface DemoAgent {
  name: string;
  address: string;
  port: number;
  serverId: string;
}

export interface DemoFleet {
  /** The agents, once they listen, are registered and the jobs exist. Rejects if the fleet cannot start. */
  ready: Promise<DemoAgent[]>;
  /** Stops every agent started so far (also while `ready` is pending). */
  stop(): Promise<void>;
}

/** `<data>/demo/fleet.json` (mode 0600): each agent's password, made up once, and its server id in the console. */
const FleetFileSchema = z.object({
  agents: z.record(z.string(), z.object({ password: z.string().min(16), serverId: z.string().optional() })),
});
type FleetFile = z.infer<typeof FleetFileSchema>;

function loadFleetFile(file: string): FleetFile {
  let fleet: FleetFile = { agents: {} };
  try {
    fleet = FleetFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw new Error(`${file} is unreadable (${errorText(error)}); delete it to make new agent passwords`);
  }
  for (const { name } of DEMO_SERVERS) fleet.agents[name] ??= { password: randomBytes(18).toString('base64url') };
  return fleet;
}

function saveFleetFile(file: string, fleet: FleetFile) {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  writeFileSync(partial, `${JSON.stringify(fleet, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, file);
}

function agentArgs(spec: DemoServer) {
  return [
    '--address', spec.adapters[0]!.address,
    ...spec.adapters.flatMap((a) => ['--adapter', `${a.name}=${a.address}`]),
    ...(spec.services ?? []).flatMap((s) => ['--service', s]),
    ...(spec.isDomainController ? ['--domain-controller'] : []),
    '--license', spec.license,
  ];
}

/**
 * The server for a demo agent, through the console's own services (audited, actor `system`): created on
 * first start; afterwards the same row (found by the id kept in fleet.json, else by name on loopback),
 * its port and password updated in place when they changed, so it keeps its identity and its jobs.
 */
async function registerServer(app: FastifyInstance, spec: DemoServer, port: number, entry: FleetFile['agents'][string]) {
  const { prisma } = app.db;
  const existing =
    (entry.serverId ? await prisma.server.findUnique({ where: { id: entry.serverId } }) : null) ??
    (await prisma.server.findFirst({ where: { name: spec.name, address: DEMO_ADDRESS }, orderBy: { createdAt: 'asc' } }));
  if (!existing) {
    const input = CreateServerRequestSchema.parse({
      name: spec.name,
      address: DEMO_ADDRESS,
      port,
      username: DEMO_USERNAME,
      password: entry.password,
      networkAdapters: spec.adapters.map((a) => a.name),
      isDomainController: spec.isDomainController ?? false,
      licenses: [spec.license],
    });
    return (await createServer(prisma, app.secretBox, SYSTEM_ACTOR, input)).id;
  }
  const changes: UpdateServerRequest = {};
  if (existing.address !== DEMO_ADDRESS) changes.address = DEMO_ADDRESS;
  if (existing.port !== port) changes.port = port;
  if (existing.username !== DEMO_USERNAME) changes.username = DEMO_USERNAME;
  let stored: string | null = null;
  try {
    stored = app.secretBox.open(existing.passwordCiphertext, existing.id);
  } catch {
    // Sealed under another key: store the agent's password again.
  }
  if (stored !== entry.password) changes.password = entry.password;
  if (Object.keys(changes).length > 0) {
    await updateServer(prisma, app.secretBox, SYSTEM_ACTOR, existing.id, changes, (move) => app.repointer.follow(move));
    app.log.info({ server: spec.name, changed: Object.keys(changes) }, 'demo server updated in place');
  }
  return existing.id;
}

/** Creates each demo job that does not exist yet (by name), and starts protecting it as if an operator had. */
async function createJobs(app: FastifyInstance, demoDir: string, serverIds: Record<string, string>) {
  const { prisma } = app.db;
  for (const body of demoJobs(demoDir, serverIds)) {
    if (await prisma.job.findFirst({ where: { name: body.name }, select: { id: true } })) continue;
    try {
      const { job, operationId } = await createJob(prisma, SYSTEM_ACTOR, CreateJobRequestSchema.parse(body));
      app.operations.enqueue(operationId);
      app.log.info({ jobId: job.id, job: job.name }, 'demo job created; protection starting');
    } catch (error) {
      // One job refused (e.g. its target still linked to a failed-over job) leaves the rest of the demo running.
      app.log.warn({ err: error, job: body.name }, 'demo job not created');
    }
  }
}

/**
 * Starts the demo fleet (SYNCSAFE_DEMO): one agent process per demo server on loopback, data under
 * `<data>/demo/<name>/`, registered as servers, and the three demo jobs. Idempotent across restarts: same
 * ports when free, same servers, same jobs, the agents' data kept. Agents end with the console: `stop()`
 * on a graceful close, and exit-with-parent.ts in each agent whenever the console's process ends.
 */
export function startDemoFleet(app: FastifyInstance, options: DemoFleetOptions): DemoFleet {
  const running: AgentProcess[] = [];
  let isStopping = false;
  const stop = async () => {
    isStopping = true;
    await Promise.all(running.splice(0).map((agent) => agent.stop()));
  };
  const track = async (agent: AgentProcess) => {
    if (isStopping) await agent.stop();
    else running.push(agent);
    return agent;
  };

  const start = async (): Promise<DemoAgent[]> => {
    const demoDir = join(options.dataDir, 'demo');
    mkdirSync(demoDir, { recursive: true, mode: 0o700 });
    const fleetFile = join(demoDir, 'fleet.json');
    const fleet = loadFleetFile(fleetFile);
    saveFleetFile(fleetFile, fleet);
    seedFolders(seededFolders(demoDir));

    const started = await Promise.allSettled(
      DEMO_SERVERS.map((spec) =>
        startAgentProcess({
          name: spec.name,
          host: DEMO_ADDRESS,
          port: options.portBase + spec.slot,
          dataDir: agentDataDir(demoDir, spec.name),
          username: DEMO_USERNAME,
          password: fleet.agents[spec.name]!.password,
          args: agentArgs(spec),
          logFile: join(demoDir, spec.name, 'agent.log'),
        }).then(track),
      ),
    );
    const ports: number[] = [];
    for (const result of started) {
      if (result.status === 'rejected') throw result.reason;
      ports.push(result.value.port);
    }
    if (isStopping) throw new Error('the console is closing');

    const agents: DemoAgent[] = [];
    for (const [i, spec] of DEMO_SERVERS.entries()) {
      const port = ports[i]!;
      if (port !== options.portBase + spec.slot) app.log.warn({ server: spec.name, port }, `demo agent port ${options.portBase + spec.slot} is taken; using ${port}`);
      const serverId = await registerServer(app, spec, port, fleet.agents[spec.name]!);
      fleet.agents[spec.name]!.serverId = serverId;
      agents.push({ name: spec.name, address: DEMO_ADDRESS, port, serverId });
    }
    saveFleetFile(fleetFile, fleet);
    await createJobs(app, demoDir, Object.fromEntries(agents.map((a) => [a.name, a.serverId])));
    return agents;
  };

  const ready = start().catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { ready, stop };
}
