import type { AuditEvent } from '@syncsafe/contracts';

function toJson(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value, null, 2);
}

/** Before/after of a change, the reason of a refusal, and the record's place in the hash chain. */
export function AuditRecordDetails({ event }: { event: AuditEvent }) {
  return (
    <div className="audit-details">
      {event.reason ? (
        <p>
          <strong>Reason:</strong> {event.reason}
        </p>
      ) : null}
      <div className="audit-diff">
        <figure>
          <figcaption>Before</figcaption>
          <pre className="code" tabIndex={0}>{toJson(event.before)}</pre>
        </figure>
        <figure>
          <figcaption>After</figcaption>
          <pre className="code" tabIndex={0}>{toJson(event.after)}</pre>
        </figure>
      </div>
      <dl className="properties properties-compact">
        <dt>Occurred at (UTC)</dt>
        <dd className="mono">{event.occurredAt}</dd>
        <dt>Target ID</dt>
        <dd className="mono">{event.targetId ?? '—'}</dd>
        <dt>Actor ID</dt>
        <dd className="mono">{event.actorId ?? '—'}</dd>
        <dt>Hash</dt>
        <dd className="mono small break">{event.hash}</dd>
        <dt>Previous hash</dt>
        <dd className="mono small break">{event.prevHash}</dd>
      </dl>
    </div>
  );
}
