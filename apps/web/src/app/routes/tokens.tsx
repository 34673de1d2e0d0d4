import { useState } from 'react';
import type { ApiToken } from '@syncsafe/contracts';
import { Button } from '../../components/button.tsx';
import { EmptyState, LoadingState, PageHeader } from '../../components/page.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useToast } from '../../components/toast.tsx';
import { useTokens } from '../../features/tokens/api/list-tokens.ts';
import { TokensTable } from '../../features/tokens/components/tokens-table.tsx';
import { CreateTokenDialog } from '../../features/tokens/components/create-token-dialog.tsx';
import { RevokeTokenDialog } from '../../features/tokens/components/revoke-token-dialog.tsx';
import { useCurrentUser } from './use-current-user.ts';

export function Component() {
  const me = useCurrentUser();
  const tokens = useTokens();
  const { showToast } = useToast();
  const [isCreateOpen, setIsCreateOpen] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <>
      <title>API tokens · SyncSafe Console</title>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts call the API as you (Authorization: Bearer …), with at most your role."
        actions={
          <Button variant="primary" onClick={() => setIsCreateOpen(true)}>
            Create API token
          </Button>
        }
      />
      {tokens.isPending ? (
        <LoadingState label="Loading API tokens…" />
      ) : tokens.isError ? (
        <ErrorAlert error={tokens.error} title="Could not load your API tokens" />
      ) : tokens.data.length === 0 ? (
        <EmptyState title="No API tokens" />
      ) : (
        <TokensTable tokens={tokens.data} onRevoke={setRevoking} />
      )}
      <CreateTokenDialog isOpen={isCreateOpen} onClose={() => setIsCreateOpen(false)} ownRole={me.role} />
      <RevokeTokenDialog
        token={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(token) => {
          setRevoking(null);
          showToast(`Token ${token.name} revoked`);
        }}
      />
    </>
  );
}
