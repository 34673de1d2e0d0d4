import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '../../lib/paths.ts';
import { Button } from '../../components/button.tsx';
import { LoadingState, PageHeader } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { useServer } from '../../features/servers/api/get-server.ts';
import { ServerProperties } from '../../features/servers/components/server-properties.tsx';
import { DeleteServerDialog } from '../../features/servers/components/delete-server-dialog.tsx';
import { useIsAdmin } from './use-current-user.ts';
import { Breadcrumb, ServerLoadError } from './server-page-parts.tsx';

export function Component() {
  const { serverId = '' } = useParams();
  const isAdmin = useIsAdmin();
  const navigate = useNavigate();
  const { showToast } = useToast();
  const server = useServer(serverId);
  const [isDeleteOpen, setIsDeleteOpen] = useState(false);

  if (server.isPending) return <LoadingState label="Loading server…" />;
  if (server.isError) return <ServerLoadError error={server.error} />;

  const data = server.data;
  return (
    <>
      <title>{`${data.name} · Servers · SyncSafe Console`}</title>
      <Breadcrumb current={data.name} />
      <PageHeader
        title={data.name}
        description={`${data.address}:${data.port}`}
        actions={
          isAdmin ? (
            <>
              <Link className="btn btn-primary" to={paths.editServer.href(data.id)}>
                Edit Server Properties
              </Link>
              <Button variant="danger" onClick={() => setIsDeleteOpen(true)}>
                Delete server
              </Button>
            </>
          ) : null
        }
      />
      <ServerProperties server={data} />
      <p className="page-footer-link">
        <Link to={paths.audit.href({ serverId: data.id })}>Audit records of this server</Link>
      </p>
      {isAdmin ? (
        <DeleteServerDialog
          server={data}
          isOpen={isDeleteOpen}
          onClose={() => setIsDeleteOpen(false)}
          onDeleted={() => {
            showToast(`Server ${data.name} deleted`);
            navigate(paths.servers.href(), { replace: true });
          }}
        />
      ) : null}
    </>
  );
}
