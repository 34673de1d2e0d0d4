import { Fragment, useState } from 'react';
import type { AuditEvent, AuditOutcome } from '@syncsafe/contracts';
import { Table } from '../../../components/table.tsx';
import { Badge, type Tone } from '../../../components/badge.tsx';
import { AuditRecordDetails } from './audit-record-details.tsx';

const outcomeView: Record<AuditOutcome, { tone: Tone; label: string }> = {
  success: { tone: 'good', label: 'Success' },
  failure: { tone: 'bad', label: 'Failure' },
  refused: { tone: 'warn', label: 'Refused' },
};

/** `2025-03-01 14:05:09 UTC`: the trail is evidence, so it states its time zone. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

function describeTarget(event: AuditEvent): string {
  if (!event.targetType) return '—';
  return `${event.targetType}: ${event.targetName ?? event.targetId ?? '—'}`;
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const toggle = (seq: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });

  return (
    <Table caption="Audit records, newest first">
      <thead>
        <tr>
          <th scope="col" className="num">#</th>
          <th scope="col">Time</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Outcome</th>
          <th scope="col">Source IP</th>
          <th scope="col">
            <span className="visually-hidden">Details</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const isExpanded = expanded.has(event.seq);
          const outcome = outcomeView[event.outcome];
          return (
            <Fragment key={event.seq}>
              <tr className={isExpanded ? 'row-expanded' : undefined}>
                <td className="num mono">{event.seq}</td>
                <td className="nowrap">
                  <time dateTime={event.occurredAt}>{formatUtc(event.occurredAt)}</time>
                </td>
                <td>
                  {event.actorName}
                  {event.actorRole ? <span className="muted small"> ({event.actorRole})</span> : null}
                </td>
                <td className="mono">{event.action}</td>
                <td>{describeTarget(event)}</td>
                <td>
                  <Badge tone={outcome.tone}>{outcome.label}</Badge>
                </td>
                <td className="mono small">{event.sourceIp ?? '—'}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-ghost btn-small"
                    aria-expanded={isExpanded}
                    aria-controls={`audit-details-${event.seq}`}
                    onClick={() => toggle(event.seq)}
                  >
                    {isExpanded ? 'Hide' : 'Details'}
                    <span className="visually-hidden"> of record {event.seq}</span>
                  </button>
                </td>
              </tr>
              {isExpanded ? (
                <tr id={`audit-details-${event.seq}`} className="row-details">
                  <td colSpan={8}>
                    <AuditRecordDetails event={event} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </Table>
  );
}
