import { operationKindLabels, type Operation } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { Table } from '../../../components/table.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { describeInput } from './history-table.tsx';
import { operationStatusView } from './operation-timeline.tsx';

export function OperationsTable({ operations }: { operations: Operation[] }) {
  if (operations.length === 0) return <p className="muted">No operations yet.</p>;
  return (
    <Table caption="Operations, newest first">
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Operation</th>
          <th scope="col">By</th>
          <th scope="col">Options</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {operations.map((o) => {
          const status = operationStatusView[o.status];
          return (
            <tr key={o.id}>
              <td className="nowrap">
                <time dateTime={o.createdAt}>{formatDateTime(o.createdAt)}</time>
              </td>
              <td>{operationKindLabels[o.kind]}</td>
              <td>{o.actorName}</td>
              <td className="small break">{describeInput(o.input)}</td>
              <td>
                <Badge tone={status.tone}>{status.label}</Badge>
                {o.error ? <p className="small timeline-error">{o.error}</p> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
