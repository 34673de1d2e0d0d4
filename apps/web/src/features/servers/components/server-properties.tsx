import type { Server, ServerDetail } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { Table } from '../../../components/table.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { addressKindLabels } from '../address-kinds.ts';
import { describeServerRoles } from '../server-roles.ts';
import { ServerStatusBadge } from './server-status-badge.tsx';

/** Every property of a server, read-only (the password is never returned; only that one is set). */
export function ServerProperties({ server }: { server: Server | ServerDetail }) {
  return (
    <div className="panels">
      <section className="panel" aria-labelledby="server-properties-title">
        <h2 id="server-properties-title">Properties</h2>
        <dl className="properties">
          <dt>Status</dt>
          <dd>
            <ServerStatusBadge status={server.status} lastSeenAt={server.lastSeenAt} />
            <span className="muted small"> Last heartbeat: {server.lastSeenAt ? formatDateTime(server.lastSeenAt) : 'never'}</span>
          </dd>
          <dt>Address</dt>
          <dd className="mono">{server.address}</dd>
          <dt>Address kind</dt>
          <dd>{addressKindLabels[server.addressKind]}</dd>
          <dt>Port</dt>
          <dd className="mono">{server.port}</dd>
          <dt>Local account</dt>
          <dd className="mono">{server.username}</dd>
          <dt>Password</dt>
          <dd>Set (stored encrypted, never shown)</dd>
          <dt>Configuration</dt>
          <dd>{describeServerRoles(server)}</dd>
          <dt>Network adapters</dt>
          <dd>
            {server.networkAdapters.length === 0 ? (
              <span className="muted">None listed</span>
            ) : (
              <ul className="plain-list">
                {server.networkAdapters.map((adapter) => (
                  <li key={adapter}>{adapter}</li>
                ))}
              </ul>
            )}
          </dd>
          {'machineId' in server ? (
            <>
              <dt>Identity held now</dt>
              <dd>
                {server.identityName ?? <span className="muted">Not learned yet</span>}
                {server.identityName && server.identityName !== server.name ? (
                  <span className="muted small"> (this machine took over {server.identityName}’s identity at a failover)</span>
                ) : null}
              </dd>
              <dt>Machine ID</dt>
              <dd className="mono small">{server.machineId ?? '—'}</dd>
            </>
          ) : null}
          <dt>Server ID</dt>
          <dd className="mono small">{server.id}</dd>
          <dt>Added</dt>
          <dd>{formatDateTime(server.createdAt)}</dd>
          <dt>Last changed</dt>
          <dd>
            {formatDateTime(server.updatedAt)} <span className="muted small">(version {server.version})</span>
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="server-licensing-title">
        <h2 id="server-licensing-title">Licensing</h2>
        <h3 className="panel-subtitle">Current license keys</h3>
        {server.licenses.length === 0 ? (
          <p className="muted">No license keys.</p>
        ) : (
          <ul className="plain-list">
            {server.licenses.map((license) => (
              <li key={license.key}>
                <span className="mono">{license.key}</span> <span className="muted small">added {formatDateTime(license.addedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {'services' in server ? <ServicesPanel server={server} /> : null}
    </div>
  );
}

/**
 * The services of the identity the machine holds, as its agent last reported them. Right before a Full
 * Server failover every running service that is not critical to Windows is stopped; one that cannot stop
 * is named in the Failover dialog's warnings.
 */
function ServicesPanel({ server }: { server: ServerDetail }) {
  return (
    <section className="panel" aria-labelledby="server-services-title">
      <h2 id="server-services-title">Services</h2>
      {server.servicesLearnedAt === null ? (
        <p className="muted">Not learned yet: the console reads them from the agent when it first reaches it.</p>
      ) : server.services.length === 0 ? (
        <p className="muted">The agent reports no services.</p>
      ) : (
        <>
          <p className="field-hint">As the agent reported them, {formatDateTime(server.servicesLearnedAt)}.</p>
          <Table caption={`Services of ${server.name}`}>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">State</th>
                <th scope="col">At a Full Server failover</th>
              </tr>
            </thead>
            <tbody>
              {server.services.map((service) => (
                <tr key={service.name}>
                  <td>{service.name}</td>
                  <td>{service.state === 'running' ? 'Running' : 'Stopped'}</td>
                  <td>
                    {service.isCritical ? (
                      <Badge tone="neutral">Critical to Windows: left running</Badge>
                    ) : service.canStop ? (
                      <Badge tone="info">Stopped</Badge>
                    ) : (
                      <Badge tone="warn">Cannot be stopped</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </section>
  );
}
