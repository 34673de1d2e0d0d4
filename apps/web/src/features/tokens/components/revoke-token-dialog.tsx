import type { ApiToken } from '@syncsafe/contracts';
import { Dialog } from '../../../components/dialog.tsx';
import { Button } from '../../../components/button.tsx';
import { Alert } from '../../../components/alert.tsx';
import { useRevokeToken } from '../api/revoke-token.ts';

export function RevokeTokenDialog({ token, onClose, onRevoked }: { token: ApiToken | null; onClose: () => void; onRevoked: (token: ApiToken) => void }) {
  const revokeToken = useRevokeToken();
  const close = () => {
    revokeToken.reset();
    onClose();
  };
  return (
    <Dialog
      title="Revoke API token"
      description={token ? `Scripts using “${token.name}” (${token.prefix}…) stop working at once. This cannot be undone.` : undefined}
      isOpen={token !== null}
      onClose={close}
    >
      {revokeToken.isError ? <Alert title="The token was not revoked">{revokeToken.error.message}</Alert> : null}
      <div className="form-actions">
        <Button onClick={close} data-autofocus>
          Cancel
        </Button>
        <Button
          variant="danger"
          isBusy={revokeToken.isPending}
          onClick={() => token && revokeToken.mutate(token.id, { onSuccess: () => onRevoked(token) })}
        >
          Revoke token
        </Button>
      </div>
    </Dialog>
  );
}
