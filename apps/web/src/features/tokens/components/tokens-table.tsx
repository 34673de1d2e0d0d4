import type { ApiToken } from '@syncsafe/contracts';
import { Table } from '../../../components/table.tsx';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { roleLabels } from '../../../lib/roles.ts';

function tokenState(token: ApiToken, now: number): { tone: 'good' | 'bad' | 'neutral'; label: string } {
  if (token.revokedAt) return { tone: 'bad', label: 'Revoked' };
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return { tone: 'neutral', label: 'Expired' };
  return { tone: 'good', label: 'Active' };
}

export function TokensTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const now = Date.now();
  return (
    <Table caption="Your API tokens">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Prefix</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Expires</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => {
          const state = tokenState(token, now);
          return (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td className="mono">{token.prefix}…</td>
              <td>{roleLabels[token.role]}</td>
              <td>
                <Badge tone={state.tone}>{state.label}</Badge>
              </td>
              <td>{formatDateTime(token.createdAt)}</td>
              <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
              <td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'Never'}</td>
              <td>
                {state.label === 'Active' ? (
                  <Button variant="danger" className="btn-small" onClick={() => onRevoke(token)} aria-label={`Revoke ${token.name}`}>
                    Revoke
                  </Button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
