import { Link, useNavigate } from 'react-router';
import type { Server } from '@syncsafe/contracts';
import { Table } from '../../../components/table.tsx';
import { addressKindLabels } from '../address-kinds.ts';
import { ServerStatusBadge } from './server-status-badge.tsx';
import { describeServerRoles } from '../server-roles.ts';

interface ServersTableProps {
  servers: Server[];
  serverHref: (serverId: string) => string;
}

/** The server list. As in the product, double-clicking a row opens the server details page; the name is a link for keyboards. */
export function ServersTable({ servers, serverHref }: ServersTableProps) {
  const navigate = useNavigate();
  return (
    <Table caption="Servers">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Address</th>
          <th scope="col" className="num">Port</th>
          <th scope="col">Address kind</th>
          <th scope="col">Status</th>
          <th scope="col">Licenses</th>
          <th scope="col">Configuration</th>
        </tr>
      </thead>
      <tbody>
        {servers.map((server) => (
          <tr key={server.id} className="row-link" onDoubleClick={() => navigate(serverHref(server.id))}>
            <th scope="row">
              <Link to={serverHref(server.id)}>{server.name}</Link>
            </th>
            <td className="mono">{server.address}</td>
            <td className="num mono">{server.port}</td>
            <td>{addressKindLabels[server.addressKind]}</td>
            <td>
              <ServerStatusBadge status={server.status} lastSeenAt={server.lastSeenAt} />
            </td>
            <td>
              <LicenseSummary keys={server.licenses.map((l) => l.key)} />
            </td>
            <td>{describeServerRoles(server)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function LicenseSummary({ keys }: { keys: string[] }) {
  if (keys.length === 0) return <span className="muted">None</span>;
  return (
    <span>
      {keys.length} {keys.length === 1 ? 'key' : 'keys'}: <span className="mono small">{keys.join(', ')}</span>
    </span>
  );
}
