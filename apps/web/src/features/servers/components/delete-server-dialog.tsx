import type { Server } from '@syncsafe/contracts';
import { Dialog } from '../../../components/dialog.tsx';
import { Button } from '../../../components/button.tsx';
import { Alert } from '../../../components/alert.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useDeleteServer } from '../api/delete-server.ts';

interface DeleteServerDialogProps {
  server: Server;
  isOpen: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

export function DeleteServerDialog({ server, isOpen, onClose, onDeleted }: DeleteServerDialogProps) {
  const deleteServer = useDeleteServer(server.id);
  const close = () => {
    deleteServer.reset();
    onClose();
  };
  const error = deleteServer.error;
  return (
    <Dialog
      title="Delete server"
      description={
        <>
          Remove <strong>{server.name}</strong> ({server.address}:{server.port}) from the console. Its stored credentials and license keys are deleted; its
          audit history stays. A server that a job uses cannot be deleted.
        </>
      }
      isOpen={isOpen}
      onClose={close}
    >
      {error ? (
        <Alert title={isApiError(error) && error.status === 409 ? 'This server is in use' : 'The server was not deleted'}>{error.message}</Alert>
      ) : null}
      <div className="form-actions">
        <Button onClick={close} data-autofocus>
          Cancel
        </Button>
        <Button variant="danger" isBusy={deleteServer.isPending} onClick={() => deleteServer.mutate(undefined, { onSuccess: onDeleted })}>
          {deleteServer.isPending ? 'Deleting…' : 'Delete server'}
        </Button>
      </div>
    </Dialog>
  );
}
