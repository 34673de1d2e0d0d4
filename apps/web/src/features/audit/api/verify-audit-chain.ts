import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditVerifyResponse } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { auditQueryKey } from './list-audit-events.ts';

export function verifyAuditChain(signal?: AbortSignal): Promise<AuditVerifyResponse> {
  return apiGet<AuditVerifyResponse>(paths.api.auditVerify(), signal);
}

export const auditVerifyQueryOptions = () =>
  queryOptions({
    queryKey: [...auditQueryKey, 'verify'] as const,
    queryFn: ({ signal }) => verifyAuditChain(signal),
    staleTime: 0,
  });

export function useAuditVerification() {
  return useQuery(auditVerifyQueryOptions());
}
