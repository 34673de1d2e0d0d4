import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Job, JobCommand } from '@syncsafe/contracts';
import { paths } from '../../lib/paths.ts';
import { useToast } from '../../components/toast.tsx';
import { useTakeSnapshot } from '../../features/jobs/api/run-job-command.ts';
import type { DialogCommand } from './job-command-dialog.tsx';

/**
 * What a toolbar click does, on the Jobs page and a job's page alike: Edit opens the wizard, Take
 * Snapshot runs at once (no options), every other command opens its dialog for that job.
 */
export function useToolbarCommand(initial: { command: DialogCommand; job: Job } | null = null) {
  const navigate = useNavigate();
  const { showToast } = useToast();
  const takeSnapshot = useTakeSnapshot();
  const [dialog, setDialog] = useState(initial);

  function run(job: Job, command: JobCommand, version: number | undefined) {
    if (command === 'edit') return navigate(paths.editJob.href(job.id));
    if (command === 'take-snapshot') {
      takeSnapshot.mutate(
        { jobId: job.id, version },
        {
          onSuccess: () => showToast(`Taking a snapshot of ${job.name}`),
          onError: (error) => showToast(`Take Snapshot of ${job.name} was refused: ${error.message}`, 'error'),
        },
      );
      return;
    }
    setDialog({ command, job });
  }

  return { dialog, run, close: () => setDialog(null) };
}
