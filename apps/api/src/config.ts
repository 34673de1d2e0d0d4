import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  SYNCSAFE_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  SYNCSAFE_ADMIN_PASSWORD: z.string().min(12, 'SYNCSAFE_ADMIN_PASSWORD must be at least 12 characters').optional(),
  SYNCSAFE_SECRET_KEY: z.string().optional(),
  /** Extra origins allowed to send cookie-authenticated changes (comma-separated), besides the console's own. */
  SYNCSAFE_ALLOWED_ORIGINS: z.string().optional(),
  /** Set when a reverse proxy terminates TLS in front of the console: cookies get Secure, X-Forwarded-* is trusted. */
  SYNCSAFE_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SYNCSAFE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SYNCSAFE_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(168).default(12),
  SYNCSAFE_LOGIN_MAX_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(5),
  SYNCSAFE_WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Demo fleet (src/demo/): local agents, their servers and two jobs, started with the console. Off in production. */
  SYNCSAFE_DEMO: z.enum(['true', 'false']).default('true'),
  /** First port of the demo agents (one per server, in a row). */
  SYNCSAFE_DEMO_PORT_BASE: z.coerce.number().int().min(1024).max(65_000).default(6321),
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  secretKey: string | undefined;
  allowedOrigins: string[];
  trustProxy: boolean;
  sessionIdleMs: number;
  sessionMaxMs: number;
  loginMaxPerMinute: number;
  webDist: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  demo: { isEnabled: boolean; portBase: number };
}

/** Reads the console's configuration from environment variables; throws naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(process.cwd(), p));
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: abs(e.SYNCSAFE_DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    adminPassword: e.SYNCSAFE_ADMIN_PASSWORD,
    secretKey: e.SYNCSAFE_SECRET_KEY,
    allowedOrigins: (e.SYNCSAFE_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    trustProxy: e.SYNCSAFE_TRUST_PROXY === 'true',
    sessionIdleMs: e.SYNCSAFE_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SYNCSAFE_SESSION_MAX_HOURS * 3_600_000,
    loginMaxPerMinute: e.SYNCSAFE_LOGIN_MAX_PER_MINUTE,
    webDist: e.SYNCSAFE_WEB_DIST ? abs(e.SYNCSAFE_WEB_DIST) : undefined,
    logLevel: e.LOG_LEVEL,
    demo: { isEnabled: e.SYNCSAFE_DEMO === 'true', portBase: e.SYNCSAFE_DEMO_PORT_BASE },
  };
}
