import { getAuditExportUrl } from '../api/get-audit-export-url.ts';
import type { AuditFilters } from '../api/audit-filters.ts';

/** Downloads of the records the current filters select. */
export function ExportButtons({ filters }: { filters: AuditFilters }) {
  return (
    <div className="button-row" role="group" aria-label="Export audit records">
      <a className="btn btn-secondary" href={getAuditExportUrl(filters, 'csv')} download>
        Export CSV
      </a>
      <a className="btn btn-secondary" href={getAuditExportUrl(filters, 'json')} download>
        Export JSON
      </a>
    </div>
  );
}
