import { useId } from 'react';
import { useMutationState } from '@tanstack/react-query';
import { ChecklistTickRequestSchema, type Checklist, type ChecklistItem, type ReturnOrder, type ServerStatus } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { Alert } from '../../../components/alert.tsx';
import { Button } from '../../../components/button.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useChecklist, type ChecklistTick } from '../api/get-checklist.ts';
import { useRestoreReadiness } from '../api/get-restore-readiness.ts';
import { tickChecklistMutationKey, useTickChecklistItem } from '../api/tick-checklist-item.ts';

const stageLabels: Record<ChecklistItem['stage'], string> = {
  'before-restore': 'Before Restore',
  'before-failback': 'Before Failback',
  'after-failback': 'After Failback',
  'after-restore': 'After Restore',
};

export interface ChecklistVerification {
  /** The server the data would be restored to, and its health as the stream reports it. */
  destinationServerId: string;
  destinationName: string;
  destinationStatus: ServerStatus | null;
}

interface PreparationChecklistProps {
  jobId: string;
  checklists: Checklist[];
  /** The order this dialog belongs to when the job has not chosen one yet (Restore first, or Failback first). */
  preferredOrder: ReturnOrder;
  actorName: string;
  canTick: boolean;
  verification: ChecklistVerification;
}

/**
 * The spec's manual preparation steps as a checklist. Each tick is recorded in the audit trail (with who
 * and when); the steps the console can check itself say what it sees.
 */
export function PreparationChecklist({ jobId, checklists, preferredOrder, actorName, canTick, verification }: PreparationChecklistProps) {
  const ticks = useChecklist(jobId);
  const tick = useTickChecklistItem(jobId, actorName);
  const hasFilesCheck = checklists.some((c) => c.items.some((i) => i.verification === 'files-closed'));
  const readiness = useRestoreReadiness(jobId, verification.destinationServerId, hasFilesCheck);
  const live: LiveVerification = { ...verification, readiness };
  const current = checklists.find((c) => c.isCurrent) ?? checklists.find((c) => c.order === preferredOrder) ?? checklists[0];
  if (!current) return null;
  const others = checklists.filter((c) => c !== current);
  // Ticks still in flight, newest last: the box shows the user's tick from the click on, whatever a read
  // or a stream event does to the cache meanwhile; a refusal ends it (and is said above the list).
  const inFlight = useMutationState({
    filters: { mutationKey: tickChecklistMutationKey(jobId), status: 'pending' },
    select: (mutation) => ChecklistTickRequestSchema.safeParse(mutation.state.variables).data,
  });
  const tickOf = (order: string, itemId: string): ChecklistTick | undefined => {
    const stored = ticks.data?.items.find((t) => t.checklist === order && t.itemId === itemId);
    const pending = inFlight.findLast((t) => t?.checklist === order && t.itemId === itemId);
    return pending ? { ...pending, actorName, at: stored?.at ?? new Date().toISOString() } : stored;
  };
  const render = (checklist: Checklist) => (
    <ChecklistItems
      checklist={checklist}
      tickOf={tickOf}
      canTick={canTick}
      verification={live}
      onTick={(itemId, isChecked) => tick.mutate({ checklist: checklist.order, itemId, isChecked })}
    />
  );
  return (
    <section className="checklist" aria-label="Preparation checklist">
      <h3 className="checklist-title">Preparation checklist: {current.title}</h3>
      <p className="field-hint">
        {current.description} {current.isCurrent ? 'This job is following this order.' : ''} Each tick is recorded in the audit trail.
      </p>
      {tick.error ? <Alert title="The tick was not recorded">{tick.error.message}</Alert> : null}
      {render(current)}
      {others.map((other) => (
        <details key={other.order} className="checklist-other">
          <summary>The other order: {other.title}</summary>
          <p className="field-hint">{other.description}</p>
          {render(other)}
        </details>
      ))}
    </section>
  );
}

interface ChecklistItemsProps {
  checklist: Checklist;
  tickOf: (order: string, itemId: string) => ChecklistTick | undefined;
  canTick: boolean;
  verification: LiveVerification;
  onTick: (itemId: string, isChecked: boolean) => void;
}

function ChecklistItems({ checklist, tickOf, canTick, verification, onTick }: ChecklistItemsProps) {
  const stages = [...new Set(checklist.items.map((i) => i.stage))];
  return (
    <>
      {stages.map((stage) => (
        <fieldset key={stage} className="fieldset checklist-stage">
          <legend className="field-label">{stageLabels[stage]}</legend>
          <ul className="plain-list">
            {checklist.items
              .filter((i) => i.stage === stage)
              .map((item) => (
                <ChecklistRow key={item.id} item={item} tick={tickOf(checklist.order, item.id)} canTick={canTick} verification={verification} onTick={onTick} />
              ))}
          </ul>
        </fieldset>
      ))}
    </>
  );
}

function ChecklistRow({ item, tick, canTick, verification, onTick }: { item: ChecklistItem; tick: ChecklistTick | undefined; canTick: boolean; verification: LiveVerification; onTick: (itemId: string, isChecked: boolean) => void }) {
  const id = useId();
  const isChecked = tick?.isChecked ?? false;
  const notes = [item.verification ? `${id}-verify` : '', item.mayBeSkipped ? `${id}-skip` : '', tick ? `${id}-tick` : ''].join(' ').trim();
  return (
    <li className="checklist-item">
      <input id={id} type="checkbox" checked={isChecked} disabled={!canTick} onChange={(event) => onTick(item.id, event.target.checked)} aria-describedby={notes || undefined} />
      <label htmlFor={id}>{item.text}</label>
      {item.verification ? (
        <div id={`${id}-verify`} className="field-hint checklist-note">
          <VerificationNote kind={item.verification} verification={verification} />
        </div>
      ) : null}
      {item.mayBeSkipped && item.skipWhen ? (
        <p id={`${id}-skip`} className="field-hint checklist-note">
          May be skipped for this job: {item.skipWhen}
        </p>
      ) : null}
      {tick ? (
        <p id={`${id}-tick`} className="field-hint checklist-note">
          {tick.isChecked ? 'Ticked' : 'Unticked'} by {tick.actorName}, {formatDateTime(tick.at)}
        </p>
      ) : null}
    </li>
  );
}

/** The checklist's verification with the destination agent's live answer. */
type LiveVerification = ChecklistVerification & { readiness: ReturnType<typeof useRestoreReadiness> };

function VerificationNote({ kind, verification }: { kind: NonNullable<ChecklistItem['verification']>; verification: LiveVerification }) {
  if (kind === 'files-closed') return <OpenFilesNote verification={verification} />;
  const status = verification.destinationStatus;
  return (
    <p>
      Checked live by the console:{' '}
      {status === 'online' ? (
        <Badge tone="good">{verification.destinationName} is online</Badge>
      ) : status === 'offline' ? (
        <Badge tone="bad">{verification.destinationName} is offline</Badge>
      ) : (
        <Badge tone="neutral">{verification.destinationName}: no heartbeat yet</Badge>
      )}
    </p>
  );
}

/** Which files under the job's folders are open on the destination, asked of its agent while the dialog is open. */
function OpenFilesNote({ verification }: { verification: LiveVerification }) {
  const { readiness, destinationName } = verification;
  const { data, error } = readiness;
  const again = (
    <Button className="btn-small" onClick={() => void readiness.refetch()} isBusy={readiness.isFetching}>
      Check again
    </Button>
  );
  let verdict;
  if (error) verdict = <Badge tone="neutral">Not checked: {error.message}</Badge>;
  else if (!data) verdict = <Badge tone="neutral">Asking {destinationName} which files are open…</Badge>;
  else if (data.openFiles === null) verdict = <Badge tone="bad">Not checked: {data.problem}</Badge>;
  else if (data.openFiles.length === 0) verdict = <Badge tone="good">No file under the job’s folders is open on {data.destination.name}</Badge>;
  else verdict = <Badge tone="bad">{`${data.openFiles.length}${data.isTruncated ? '+' : ''} file(s) open on ${data.destination.name}: the restore refuses until they are closed`}</Badge>;
  return (
    <>
      <p>
        <span role="status">
          Checked live by the agent: {verdict}
          {data ? ` (${formatDateTime(data.checkedAt)})` : null}
        </span>{' '}
        {again}
      </p>
      {data?.openFiles && data.openFiles.length > 0 ? (
        <ul className="plain-list open-files" aria-label={`Files open on ${data.destination.name}`}>
          {data.openFiles.map((path) => (
            <li key={path}>
              <code>{path}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
