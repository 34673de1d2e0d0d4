import { snapshotTypeLabels, type Snapshot } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { Table } from '../../../components/table.tsx';
import { formatBytes, formatDateTime, plural } from '../../../lib/format.ts';

export function SnapshotsTable({ snapshots }: { snapshots: Snapshot[] }) {
  if (snapshots.length === 0) return <p className="muted">No snapshots on the target.</p>;
  return (
    <Table caption="Snapshots on the target, newest first">
      <thead>
        <tr>
          <th scope="col">Taken</th>
          <th scope="col">Type</th>
          <th scope="col">Data</th>
          <th scope="col" className="num">
            Size
          </th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {snapshots.map((s) => (
          <tr key={s.id}>
            <td className="nowrap">
              <time dateTime={s.takenAt}>{formatDateTime(s.takenAt)}</time>
            </td>
            <td>{snapshotTypeLabels[s.type]}</td>
            <td>
              <Badge tone={s.isGood ? 'good' : 'bad'}>{s.isGood ? 'Good' : 'Bad'}</Badge>
            </td>
            <td className="num">
              {plural(s.files, 'file')}, {formatBytes(s.bytes)}
            </td>
            <td className="small">
              {[s.isTestSnapshot ? 'Taken for a test failover' : '', s.reason ?? ''].filter(Boolean).join(' · ') || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
