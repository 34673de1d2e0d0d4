import { useEffect, useRef } from 'react';
import { operationKindLabels, type Job, type Operation } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { useJobOperations } from '../api/list-job-operations.ts';
import { operationStatusView, OperationTimeline } from './operation-timeline.tsx';

/** The operation a dialog started, as it runs (its steps arrive on the event stream). */
export function useLiveOperation(jobId: string, started: Operation | null): Operation | null {
  const operations = useJobOperations(jobId);
  if (!started) return null;
  return operations.data?.items.find((o) => o.id === started.id) ?? started;
}

/** What a dialog shows once the API accepted its command: the operation's steps, live, and Close. */
export function OperationStarted({ job, operation, onClose }: { job: Job; operation: Operation; onClose: () => void }) {
  const status = operationStatusView[operation.status];
  const isFinished = operation.status === 'succeeded' || operation.status === 'failed';
  const closeRef = useRef<HTMLButtonElement>(null);
  // The form (and the button that was focused) is gone: keep the keyboard inside the dialog.
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="operation-started">
      <p role="status" className="operation-started-status">
        {operationKindLabels[operation.kind]} {isFinished ? 'finished' : 'started'}: <Badge tone={status.tone}>{status.label}</Badge>
      </p>
      {operation.error ? <p className="timeline-error">{operation.error}</p> : null}
      <OperationTimeline operation={operation} job={job} />
      <div className="form-actions">
        <Button ref={closeRef} variant="primary" onClick={onClose}>
          {isFinished ? 'Done' : 'Close (it keeps running)'}
        </Button>
      </div>
    </div>
  );
}
