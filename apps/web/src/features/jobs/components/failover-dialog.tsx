import { useState, type FormEvent } from 'react';
import { snapshotTypeLabels, type FailoverActionOptions, type FailoverType, type Job, type QueueChoice, type QueueOption } from '@syncsafe/contracts';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { CheckboxField } from '../../../components/form-field.tsx';
import { RadioGroupField } from '../../../components/radio-group-field.tsx';
import { formatBytes, formatDateTime, formatDuration, plural } from '../../../lib/format.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { targetDataStateView } from '../job-view.ts';
import { CommandRefusal, isConfirmed, needsTypedConfirmation, TypedConfirmation, WarningList } from './command-parts.tsx';
import { OperationStarted, useLiveOperation } from './operation-started.tsx';
import { useJobCommand } from './use-job-command.ts';

interface FailoverFormProps {
  job: Job;
  options: FailoverActionOptions;
  version: number;
  onClose: () => void;
}

/** The first choice the API allows, so the dialog opens on something that can be clicked. */
const firstAllowed = <T,>(items: T[], isAllowed: (item: T) => boolean) => items.find(isAllowed) ?? null;

/**
 * Failover or Cutover, as the spec's dialog: the failover type, what to do with the target queue (with
 * what each choice means now), the last option by the source's clustered flag, the snapshot to fail over
 * to, and every consequence the API attaches to what is chosen. A choice that loses data or the licence
 * needs the job name typed.
 */
export function FailoverForm({ job, options, version, onClose }: FailoverFormProps) {
  const [type, setType] = useState<FailoverType | null>(() => firstAllowed(options.types, (t) => t.allowed)?.type ?? null);
  const [queue, setQueue] = useState<QueueChoice | null>(() => firstAllowed(options.queue, (q) => q.allowed && (type === null || q.types.includes(type)))?.choice ?? null);
  const [snapshotId, setSnapshotId] = useState<string | null>(null);
  const [leaveSourceRunning, setLeaveSourceRunning] = useState(false);
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const command = useJobCommand(job.id, 'failover', version);
  const operation = useLiveOperation(job.id, command.operation);

  if (operation) return <OperationStarted job={job} operation={operation} onClose={onClose} />;

  const typeOption = options.types.find((t) => t.type === type) ?? null;
  const shownQueue = options.queue.filter((q) => q.types.length > 0);
  const queueOption = shownQueue.find((q) => q.choice === queue) ?? null;
  const isQueueUsable = (q: QueueOption) => q.allowed && (type === null || q.types.includes(type));
  const leave = options.leaveSource;
  const isLeaveUsable = leave.allowed && type !== null && leave.types.includes(type);
  const warnings = [...(typeOption?.warnings ?? []), ...(queueOption && type !== null && queueOption.types.includes(type) ? queueOption.warnings : [])];
  const mustType = needsTypedConfirmation(warnings);
  const typeLabel = (t: FailoverType) => options.types.find((o) => o.type === t)?.label ?? t;

  function chooseType(next: FailoverType) {
    setType(next);
    // A queue choice that does not combine with the new type (a test never discards) gives way to one that does.
    const current = options.queue.find((q) => q.choice === queue);
    if (!current || !current.types.includes(next)) setQueue(options.queue.find((q) => q.allowed && q.types.includes(next))?.choice ?? null);
    if (next !== 'snapshot') setSnapshotId(null);
    setErrors({});
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (type === null) problems.type = 'Choose the type of failover.';
    if (queue === null) problems.queue = 'Choose how to handle the data in the target queue.';
    if (type === 'snapshot' && snapshotId === null) problems.snapshotId = 'Choose the snapshot to fail over to.';
    if (mustType && !isConfirmed(job.name, typed)) problems.confirmation = `Type ${job.name} exactly to confirm.`;
    setErrors(problems);
    if (Object.keys(problems).length > 0 || type === null || queue === null) return;
    command.submit({
      type,
      queue,
      ...(type === 'snapshot' && snapshotId ? { snapshotId } : {}),
      leaveSourceRunning: isLeaveUsable && leaveSourceRunning,
    });
  }

  const fieldErrors = { ...(isApiError(command.error) ? command.error.fieldErrors : {}), ...errors };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Failover or Cutover">
      <CommandRefusal error={command.error} what="Failover" />
      <RadioGroupField
        legend="Type of failover"
        name="failover-type"
        value={type}
        onValueChange={chooseType}
        error={fieldErrors.type}
        options={options.types.map((t) => ({ value: t.type, label: t.label, hint: t.description, isDisabled: !t.allowed, disabledReason: t.reason }))}
      />
      {type === 'snapshot' ? <SnapshotPicker options={options} value={snapshotId} onValueChange={setSnapshotId} error={fieldErrors.snapshotId} /> : null}
      <RadioGroupField
        legend="Data in the target queue"
        name="failover-queue"
        value={queue}
        onValueChange={(next) => {
          setQueue(next);
          setTyped('');
        }}
        error={fieldErrors.queue}
        hint={`Queued on the target now: ${plural(job.queue.ops, 'operation')}, ${formatBytes(job.queue.bytes)}. Target data state: ${targetDataStateView[job.targetDataState].label}.`}
        options={shownQueue.map((q) => ({
          value: q.choice,
          label: q.label,
          hint: q.description,
          isDisabled: !isQueueUsable(q),
          disabledReason: q.allowed ? `Not with ${typeLabel(type ?? 'live')}: only with ${q.types.map(typeLabel).join(' or ')}.` : q.reason,
          details: <QueueFacts option={q} />,
        }))}
      />
      <div className="leave-source">
        <CheckboxField
          label={leave.label}
          checked={isLeaveUsable && leaveSourceRunning}
          onCheckedChange={setLeaveSourceRunning}
          disabled={!isLeaveUsable}
          hint={
            <>
              {leave.description}
              {leave.services.length > 0 ? ` Services in the job’s failover options: ${leave.services.join(', ')}.` : ''}
              {!isLeaveUsable ? ` Not available: ${leave.allowed ? `only for ${leave.types.map(typeLabel).join(' or ')}.` : (leave.reason ?? 'not offered now.')}` : ''}
            </>
          }
        />
      </div>
      <WarningList warnings={warnings} title="Before you fail over" />
      {mustType ? <TypedConfirmation jobName={job.name} value={typed} onValueChange={setTyped} error={fieldErrors.confirmation} /> : null}
      <div className="form-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant={mustType ? 'danger' : 'primary'} isBusy={command.isPending}>
          {command.isPending ? 'Starting failover…' : 'Failover'}
        </Button>
      </div>
    </form>
  );
}

/** What a target-queue choice means now, in numbers. */
function QueueFacts({ option }: { option: QueueOption }) {
  const facts: string[] = [`Queued: ${plural(option.queuedOps, 'operation')}, ${formatBytes(option.queuedBytes)}`];
  if (option.estimatedApplySeconds !== null && option.choice !== 'discard') facts.push(`estimated apply time ${formatDuration(option.estimatedApplySeconds)}`);
  if (option.choice === 'apply' && option.estimatedApplySeconds === null) facts.push('apply time unknown (no apply rate measured yet)');
  if (option.losesBytes !== null && option.losesBytes > 0) facts.push(`loses ${plural(option.losesOps ?? 0, 'operation')}, ${formatBytes(option.losesBytes)}`);
  else if (option.losesBytes === 0) facts.push('loses nothing');
  if (option.revertTo) facts.push(`last good snapshot ${formatDateTime(option.revertTo.takenAt)}`);
  return <p className="option-facts">{facts.join(' · ')}</p>;
}

function SnapshotPicker({ options, value, onValueChange, error }: { options: FailoverActionOptions; value: string | null; onValueChange: (id: string) => void; error?: string }) {
  if (options.snapshots.length === 0) return <p className="field-hint">There are no snapshots on the target.</p>;
  return (
    <RadioGroupField
      legend="Snapshot to fail over to"
      name="failover-snapshot"
      value={value}
      onValueChange={onValueChange}
      error={error}
      hint="Newest first. The Type says how the snapshot was taken."
      options={options.snapshots.map((s) => ({
        value: s.snapshotId,
        label: `${s.typeLabel} — ${formatDateTime(s.takenAt)}`,
        hint: s.typeDescription,
        details: (
          <p className="option-facts">
            <Badge tone={s.isGood ? 'good' : 'bad'}>{s.isGood ? 'Good' : 'Bad'}</Badge> {snapshotTypeLabels[s.type]}
            {s.isTestSnapshot ? ' · taken for the test failover' : ''}
          </p>
        ),
      }))}
    />
  );
}
