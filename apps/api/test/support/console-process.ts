import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ADMIN_PASSWORD, TEST_SECRET_KEY } from './test-app.ts';

const SERVER_MAIN = fileURLToPath(new URL('../../src/server.ts', import.meta.url));

/** The console as its own process (file-backed PGlite in `dataDir`), so a test can SIGKILL and restart it. */
export class ConsoleProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly exited: Promise<number | null>,
  ) {}

  static async start(dataDir: string, env: Record<string, string> = {}): Promise<ConsoleProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        SYNCSAFE_DATA_DIR: dataDir,
        SYNCSAFE_ADMIN_PASSWORD: ADMIN_PASSWORD,
        SYNCSAFE_SECRET_KEY: TEST_SECRET_KEY,
        SYNCSAFE_DEMO: 'false',
        SYNCSAFE_LOGIN_MAX_PER_MINUTE: '1000',
        LOG_LEVEL: process.env.SYNCSAFE_DEBUG_CONSOLE ? 'info' : 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const baseUrl = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        output += `${line}\n`;
        if (process.env.SYNCSAFE_DEBUG_CONSOLE) process.stderr.write(`[console] ${line}\n`);
        const match = /listening on (http:\/\/\S+)/.exec(line);
        if (match) resolve(match[1]!);
      });
      void exited.then((code) => reject(new Error(`console exited (${code}) before listening:\n${output}`)));
    });
    return new ConsoleProcess(child, baseUrl, exited);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL') {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}

/** A signed-in admin talking HTTP to a console process, as a browser would (cookie + Origin). */
export class HttpCaller {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async signIn(baseUrl: string): Promise<HttpCaller> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('syncsafe_session='))!.split(';')[0]!;
    return new HttpCaller(baseUrl, cookie);
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { cookie: this.cookie, origin: this.baseUrl, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }
}
