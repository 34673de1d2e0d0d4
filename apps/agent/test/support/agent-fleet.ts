import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AgentChannelGrant } from '@syncsafe/contracts';
import { AgentClient } from '@syncsafe/agent-client';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
export const USERNAME = 'console';
export const PASSWORD = 'correct horse battery staple';

export interface AgentOptions {
  name: string;
  /** 0 (default) lets the agent pick; a restart reuses the previous port so that peers find it again. */
  port?: number;
  /** Reuse a data directory (restart); a fresh one is made otherwise. */
  dataDir?: string;
  args?: string[];
  /** Extra flags for node itself (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
}

/** A real agent process on loopback. */
export class AgentProcess {
  constructor(
    readonly options: AgentOptions & { dataDir: string },
    readonly child: ChildProcess,
    readonly port: number,
    readonly client: AgentClient,
    private readonly exited: Promise<void>,
  ) {}

  get dataDir(): string {
    return this.options.dataDir;
  }

  /** The endpoint another agent uses to push to a channel this agent granted. */
  endpoint(grant: AgentChannelGrant) {
    return { address: '127.0.0.1', port: this.port, channelId: grant.channelId, token: grant.token };
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}

/**
 * Starts agent processes for one test file and cleans up after it: every process is killed and
 * every temporary directory removed, also when a test fails.
 */
export class AgentFleet {
  private readonly processes = new Set<AgentProcess>();
  private readonly dirs: string[] = [];

  tempDir(label: string): string {
    const dir = mkdtempSync(join(tmpdir(), `syncsafe-agent-${label}-`));
    this.dirs.push(dir);
    return dir;
  }

  async start(options: AgentOptions): Promise<AgentProcess> {
    const dataDir = options.dataDir ?? this.tempDir(`${options.name}-data`);
    const args = [
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx',
      MAIN,
      '--name',
      options.name,
      '--port',
      String(options.port ?? 0),
      '--host',
      '127.0.0.1',
      '--data',
      dataDir,
      '--username',
      USERNAME,
      '--password',
      PASSWORD,
      '--log-level',
      'warn',
      ...(options.args ?? []),
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const port = await new Promise<number>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        if (!line.includes('"agent.listening"')) return;
        resolve((JSON.parse(line) as { port: number }).port);
      });
      child.once('exit', (code) => reject(new Error(`agent ${options.name} exited with ${code} before listening:\n${stderr}`)));
    });
    const client = new AgentClient({ address: '127.0.0.1', port, username: USERNAME, password: PASSWORD });
    const agent = new AgentProcess({ ...options, dataDir }, child, port, client, exited);
    this.processes.add(agent);
    void exited.then(() => this.processes.delete(agent));
    return agent;
  }

  /**
   * Starts the same agent again on its data directory (after a kill), on its previous port unless told
   * otherwise (`port: 0` picks a new one: the machine answering at another address or port).
   */
  restart(agent: AgentProcess, options: { port?: number } = {}): Promise<AgentProcess> {
    return this.start({ ...agent.options, port: options.port ?? agent.port });
  }

  async cleanUp(): Promise<void> {
    await Promise.all([...this.processes].map((p) => p.kill('SIGKILL')));
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
