import { jobStateLabels, type JobCommandInput } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { Table } from '../../../components/table.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { JobTransition } from '../api/get-job-history.ts';

/** `{"type":"live","queue":"apply"}` → "type: live, queue: apply". */
/** A command's input in a line: what the operator chose besides the command itself. */
export function describeInput(input: JobCommandInput | null): string {
  if (input === null) return '—';
  const entries = Object.entries(input).filter(([key, value]) => key !== 'command' && value !== undefined);
  if (entries.length === 0) return '—';
  return entries.map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`).join(', ');
}

/** Every attempted move of the job's state machine: who, when, with which options, and the outcome. */
export function HistoryTable({ transitions }: { transitions: JobTransition[] }) {
  if (transitions.length === 0) return <p className="muted">No history yet.</p>;
  return (
    <Table caption="Job history, newest first">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Command or event</th>
          <th scope="col">State</th>
          <th scope="col">Actor</th>
          <th scope="col">Options</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {transitions.map((t) => (
          <tr key={t.id}>
            <td className="nowrap">
              <time dateTime={t.createdAt}>{formatDateTime(t.createdAt)}</time>
            </td>
            <td className="mono">{t.trigger}</td>
            <td>
              {jobStateLabels[t.fromState]}
              {t.toState && t.toState !== t.fromState ? (
                <>
                  {' '}
                  <span aria-hidden="true">→</span>{' '}
                  <span className="visually-hidden">to</span> {jobStateLabels[t.toState]}
                </>
              ) : null}
            </td>
            <td>{t.actorName}</td>
            <td className="small break">{describeInput(t.input)}</td>
            <td>{t.isValid ? <Badge tone="good">Accepted</Badge> : <Badge tone="warn" title={t.error ?? undefined}>Refused</Badge>}{!t.isValid && t.error ? <p className="small">{t.error}</p> : null}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
