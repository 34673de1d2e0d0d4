import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The agent's start line: `{"msg":"agent.listening","port":…}`. */
const ListeningLineSchema = z.object({ port: z.number().int() });

// The agent is a separate program: the console runs it as a process and never imports it.
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const AGENT_MAIN = fileURLToPath(new URL('../../../agent/src/main.ts', import.meta.url));
const EXIT_WITH_PARENT = new URL('./exit-with-parent.ts', import.meta.url).href;
const LISTEN_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface AgentLaunch {
  name: string;
  host: string;
  /** Preferred port; when it is taken the agent gets a free one (see `port` of the result). */
  port: number;
  dataDir: string;
  username: string;
  password: string;
  /** Further command-line options (adapters, services, license…). */
  args: string[];
  /** Where the agent's stdout and stderr go. */
  logFile: string;
}

export interface AgentProcess {
  name: string;
  port: number;
  /** SIGTERM (the agent closes cleanly), SIGKILL after 10 s; resolves once it has exited. */
  stop(): Promise<void>;
}

class PortTakenError extends Error {}

/**
 * Starts a demo agent and resolves once it prints "agent.listening". On the preferred port first; if
 * that port is taken, on a free one the agent picks.
 */
export async function startAgentProcess(launch: AgentLaunch): Promise<AgentProcess> {
  try {
    return await spawnAgent(launch, launch.port);
  } catch (error) {
    if (!(error instanceof PortTakenError)) throw error;
    return spawnAgent(launch, 0);
  }
}

function spawnAgent(launch: AgentLaunch, port: number): Promise<AgentProcess> {
  mkdirSync(dirname(launch.logFile), { recursive: true });
  const log = createWriteStream(launch.logFile, { flags: 'a', mode: 0o600 });
  const args = ['--import', 'tsx', '--import', EXIT_WITH_PARENT, AGENT_MAIN,
    '--name', launch.name, '--host', launch.host, '--port', String(port), '--data', launch.dataDir,
    '--username', launch.username, '--faults', '--log-level', 'warn', ...launch.args];
  // The password goes through the environment, which other local users cannot read (unlike the command line);
  // the console's own secrets are not passed on.
  const { SYNCSAFE_SECRET_KEY: _k, SYNCSAFE_ADMIN_PASSWORD: _a, DATABASE_URL: _d, ...env } = process.env;
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...env, SYNCSAFE_AGENT_PASSWORD: launch.password },
    // 'ipc': the channel whose closing tells the agent that the console is gone (exit-with-parent.ts).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // Neither the channel nor the pipes keep the console alive: the console stops its agents, not the reverse.
  child.channel?.unref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  log.on('error', () => undefined); // a full disk loses log lines, never the console
  child.once('close', () => log.end());
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    log.write(chunk);
    if (stderr.length < 8192) stderr += chunk.toString();
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };

  return new Promise<AgentProcess>((resolve, reject) => {
    let isListening = false;
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`demo agent ${launch.name} did not start listening within ${LISTEN_TIMEOUT_MS / 1000} s (log: ${launch.logFile})`));
    }, LISTEN_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log.write(`${line}\n`);
      if (isListening || !line.includes('"agent.listening"')) return;
      isListening = true;
      clearTimeout(timer);
      resolve({ name: launch.name, port: ListeningLineSchema.parse(JSON.parse(line)).port, stop });
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`demo agent ${launch.name} could not be started: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      if (isListening) return;
      clearTimeout(timer);
      if (port !== 0 && stderr.includes('EADDRINUSE')) reject(new PortTakenError(`port ${port} is taken`));
      else reject(new Error(`demo agent ${launch.name} exited (${signal ?? code}) before listening: ${stderr.trim().split('\n').slice(0, 3).join(' ')} (log: ${launch.logFile})`));
    });
  });
}
