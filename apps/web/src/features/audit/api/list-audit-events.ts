import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEvent } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import type { AuditFilters } from './audit-filters.ts';

export interface AuditPage {
  items: AuditEvent[];
  nextBefore: number | null;
}

const PAGE_SIZE = 50;

export function listAuditEvents(filters: AuditFilters, before: number | undefined, signal?: AbortSignal): Promise<AuditPage> {
  return apiGet<AuditPage>(paths.api.audit({ ...filters, before, limit: PAGE_SIZE }), signal);
}

export const auditQueryKey = ['audit'] as const;

/** Newest first; each "Load older" asks for records below the last page's `nextBefore`. */
export const auditEventsQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: [...auditQueryKey, 'events', filters] as const,
    queryFn: ({ pageParam, signal }) => listAuditEvents(filters, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery(auditEventsQueryOptions(filters));
}
