import { paths } from '../../../lib/paths.ts';
import type { AuditFilters } from './audit-filters.ts';

/** A plain link the browser downloads with the session cookie; the API streams the file. */
export function getAuditExportUrl(filters: AuditFilters, format: 'csv' | 'json'): string {
  return paths.api.auditExport({ ...filters, format });
}
