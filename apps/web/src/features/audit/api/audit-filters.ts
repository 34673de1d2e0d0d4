import type { AuditOutcome } from '@syncsafe/contracts';

/** The Audit page's filters, as kept in the page URL and sent to the API. */
export interface AuditFilters {
  actor?: string;
  kind?: string;
  outcome?: AuditOutcome;
  serverId?: string;
  jobId?: string;
  userId?: string;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
}

export const auditFilterKeys = ['actor', 'kind', 'outcome', 'serverId', 'jobId', 'userId', 'from', 'to'] as const;

export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const filters: Record<string, string> = {};
  for (const key of auditFilterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters as AuditFilters;
}
