import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// The agent is a separate program: tests run it as a process, they never import it.
const AGENT_MAIN = fileURLToPath(new URL('../../../agent/src/main.ts', import.meta.url));
export const AGENT_USERNAME = 'console';
export const AGENT_PASSWORD = 'agent-local-password-1';

export interface AgentSpec {
  name: string;
  adapters?: string[];
  services?: string[];
  args?: string[];
  dataDir?: string;
  /** Listen on this port (a restarted agent keeps its address:port). */
  port?: number;
}

/** A real agent process on loopback, with a folder of "its machine" to protect or receive into. */
export interface RunningAgent {
  name: string;
  port: number;
  dataDir: string;
  /** A folder on this machine for protected data or replicas. */
  disk: string;
  child: ChildProcess;
  spec: AgentSpec;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts agents for one test file; `cleanUp` kills them all and removes their folders, also on failure. */
export class AgentFleet {
  private readonly agents = new Set<RunningAgent>();
  private readonly dirs: string[] = [];

  tempDir(label: string) {
    const dir = mkdtempSync(join(tmpdir(), `syncsafe-it-${label}-`));
    this.dirs.push(dir);
    return dir;
  }

  async start(spec: AgentSpec): Promise<RunningAgent> {
    const dataDir = spec.dataDir ?? this.tempDir(spec.name);
    const disk = join(dataDir, 'disk');
    mkdirSync(disk, { recursive: true });
    const args = ['--import', 'tsx', AGENT_MAIN, '--name', spec.name, '--port', String(spec.port ?? 0), '--host', '127.0.0.1', '--data', join(dataDir, 'agent'),
      '--username', AGENT_USERNAME, '--password', AGENT_PASSWORD, '--log-level', 'warn', '--heartbeat-ms', '250', '--reboot-seconds', '0',
      ...(spec.adapters ?? ['Production=127.0.0.1']).flatMap((a) => ['--adapter', a]),
      ...(spec.services ?? []).flatMap((s) => ['--service', s]),
      '--faults', ...(spec.args ?? [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // SYNCSAFE_DEBUG_AGENTS=1 shows the agents' logs while a test runs.
      if (process.env.SYNCSAFE_DEBUG_AGENTS) process.stderr.write(`[${spec.name}] ${chunk.toString()}`);
    });
    const port = await new Promise<number>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (process.env.SYNCSAFE_DEBUG_AGENTS) process.stderr.write(`[${spec.name}] ${line}\n`);
        if (line.includes('"agent.listening"')) resolve((JSON.parse(line) as { port: number }).port);
      });
      child.once('exit', (code) => reject(new Error(`agent ${spec.name} exited (${code}) before listening:\n${stderr}`)));
    });
    const agent: RunningAgent = {
      name: spec.name,
      port,
      dataDir,
      disk,
      child,
      spec: { ...spec, dataDir, port },
      kill: async (signal = 'SIGKILL') => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        await exited;
      },
    };
    this.agents.add(agent);
    void exited.then(() => this.agents.delete(agent));
    return agent;
  }

  async cleanUp() {
    await Promise.all([...this.agents].map((a) => a.kill()));
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
