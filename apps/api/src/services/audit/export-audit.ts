import { Readable } from 'node:stream';
import type { AuditQuery } from '@syncsafe/contracts';
import type { PrismaClient } from '@syncsafe/db';
import { iterateAudit, toAuditEvent } from './read-audit.ts';

const CSV_COLUMNS = [
  'seq', 'occurredAt', 'actorName', 'actorRole', 'actorId', 'sourceIp', 'action', 'targetType', 'targetId',
  'targetName', 'outcome', 'reason', 'before', 'after', 'prevHash', 'hash',
] as const;

/** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Streams the filtered audit trail, oldest first, without holding it in memory. */
export function exportAudit(prisma: PrismaClient, format: 'csv' | 'json', filter: Omit<AuditQuery, 'before' | 'limit'>) {
  async function* lines() {
    if (format === 'csv') yield CSV_COLUMNS.join(',') + '\r\n';
    else yield '[';
    let first = true;
    for await (const row of iterateAudit(prisma, filter)) {
      const event = toAuditEvent(row);
      if (format === 'csv') yield CSV_COLUMNS.map((c) => csvCell(event[c])).join(',') + '\r\n';
      else yield (first ? '\n' : ',\n') + JSON.stringify(event);
      first = false;
    }
    if (format === 'json') yield '\n]\n';
  }
  return Readable.from(lines());
}
