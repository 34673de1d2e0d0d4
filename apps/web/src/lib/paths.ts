/** Every URL the console builds: its own pages (`pattern` for the router, `href` for links) and the API's. */

type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const id = (value: string) => encodeURIComponent(value);

export const paths = {
  login: { pattern: '/login', href: (next?: string) => withQuery('/login', { next }) },
  jobs: { pattern: '/jobs', href: (query?: Query) => withQuery('/jobs', query) },
  job: { pattern: '/jobs/:jobId', href: (jobId: string, query?: Query) => withQuery(`/jobs/${id(jobId)}`, query) },
  newJob: { pattern: '/jobs/new', href: () => '/jobs/new' },
  editJob: { pattern: '/jobs/:jobId/edit', href: (jobId: string) => `/jobs/${id(jobId)}/edit` },
  notifications: { pattern: '/notifications', href: () => '/notifications' },
  servers: { pattern: '/servers', href: () => '/servers' },
  server: { pattern: '/servers/:serverId', href: (serverId: string) => `/servers/${id(serverId)}` },
  editServer: { pattern: '/servers/:serverId/edit', href: (serverId: string) => `/servers/${id(serverId)}/edit` },
  audit: { pattern: '/audit', href: (filters?: Query) => withQuery('/audit', filters) },
  users: { pattern: '/users', href: () => '/users' },
  tokens: { pattern: '/tokens', href: () => '/tokens' },

  api: {
    login: '/api/auth/login',
    logout: '/api/auth/logout',
    me: '/api/auth/me',
    users: (query?: Query) => withQuery('/api/users', query),
    user: (userId: string) => `/api/users/${id(userId)}`,
    tokens: () => '/api/tokens',
    token: (tokenId: string) => `/api/tokens/${id(tokenId)}`,
    servers: (query?: Query) => withQuery('/api/servers', query),
    server: (serverId: string) => `/api/servers/${id(serverId)}`,
    serverLicenses: (serverId: string) => `/api/servers/${id(serverId)}/licenses`,
    serverLicense: (serverId: string, key: string) => `/api/servers/${id(serverId)}/licenses/${id(key)}`,
    audit: (query?: Query) => withQuery('/api/audit', query),
    auditExport: (query: Query & { format: 'csv' | 'json' }) => withQuery('/api/audit/export', query),
    auditVerify: () => '/api/audit/verify',
    jobs: (query?: Query) => withQuery('/api/jobs', query),
    job: (jobId: string) => `/api/jobs/${id(jobId)}`,
    /** A toolbar command or a read under the job: `actions`, `failover`, `snapshots`, `history`… */
    jobPart: (jobId: string, part: string) => `/api/jobs/${id(jobId)}/${part}`,
    operation: (operationId: string) => `/api/operations/${id(operationId)}`,
    notifications: (query?: Query) => withQuery('/api/notifications', query),
    acknowledgeNotification: (notificationId: string) => `/api/notifications/${id(notificationId)}/acknowledge`,
    events: '/api/events',
  },
} as const;

/** Only same-origin relative paths may be used as the post-login destination (no open redirect). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return paths.servers.href();
  if (next === paths.login.pattern || next.startsWith(`${paths.login.pattern}?`)) return paths.servers.href();
  return next;
}
