import { useNavigate, useParams } from 'react-router';
import { paths } from '../../lib/paths.ts';
import { LoadingState, PageHeader } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { useServer } from '../../features/servers/api/get-server.ts';
import { EditServerForm } from '../../features/servers/components/edit-server-form.tsx';
import { LicensingSection } from '../../features/servers/components/licensing-section.tsx';
import { AdminOnly } from './admin-only.tsx';
import { Breadcrumb, ServerLoadError } from './server-page-parts.tsx';

/** Edit Server Properties: the properties form (saved with OK) and the Licensing section (saved per click). */
export function Component() {
  return (
    <>
      <title>Edit Server Properties · SyncSafe Console</title>
      <AdminOnly what="Editing server properties">
        <EditServer />
      </AdminOnly>
    </>
  );
}

function EditServer() {
  const { serverId = '' } = useParams();
  const navigate = useNavigate();
  const { showToast } = useToast();
  const server = useServer(serverId);

  if (server.isPending) return <LoadingState label="Loading server…" />;
  if (server.isError) return <ServerLoadError error={server.error} />;

  const data = server.data;
  return (
    <>
      <Breadcrumb parent={{ label: data.name, href: paths.server.href(data.id) }} current="Edit Server Properties" />
      <PageHeader title="Edit Server Properties" description={`${data.name} — ${data.address}:${data.port}`} />
      <div className="edit-layout">
        <EditServerForm
          key={data.id}
          server={data}
          onReload={async () => (await server.refetch()).data}
          onCancel={() => navigate(paths.server.href(data.id))}
          onSaved={(saved) => {
            showToast(`Server ${saved.name} saved`);
            navigate(paths.servers.href());
          }}
        />
        <LicensingSection server={data} />
      </div>
    </>
  );
}
