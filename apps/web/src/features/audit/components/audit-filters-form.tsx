import { useState, type FormEvent } from 'react';
import { AuditQuerySchema, type AuditOutcome } from '@syncsafe/contracts';
import { Button } from '../../../components/button.tsx';
import { SelectField, TextField } from '../../../components/form-field.tsx';
import { toFieldErrors, type FieldErrors } from '../../../lib/form-errors.ts';
import { isoToLocalInput, localInputToIso } from '../../../lib/format.ts';
import type { AuditFilters } from '../api/audit-filters.ts';

type TargetKind = '' | 'serverId' | 'jobId' | 'userId';

const outcomeOptions: ReadonlyArray<{ value: '' | AuditOutcome; label: string }> = [
  { value: '', label: 'Any outcome' },
  { value: 'success', label: 'Success' },
  { value: 'failure', label: 'Failure' },
  { value: 'refused', label: 'Refused' },
];

const targetOptions: ReadonlyArray<{ value: TargetKind; label: string }> = [
  { value: '', label: 'Any target' },
  { value: 'serverId', label: 'Server' },
  { value: 'jobId', label: 'Job' },
  { value: 'userId', label: 'User' },
];

function initialTarget(filters: AuditFilters): { kind: TargetKind; id: string } {
  if (filters.serverId) return { kind: 'serverId', id: filters.serverId };
  if (filters.jobId) return { kind: 'jobId', id: filters.jobId };
  if (filters.userId) return { kind: 'userId', id: filters.userId };
  return { kind: '', id: '' };
}

export function AuditFiltersForm({ filters, onApply }: { filters: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  const [actor, setActor] = useState(filters.actor ?? '');
  const [kind, setKind] = useState(filters.kind ?? '');
  const [outcome, setOutcome] = useState<'' | AuditOutcome>(filters.outcome ?? '');
  const [from, setFrom] = useState(isoToLocalInput(filters.from));
  const [to, setTo] = useState(isoToLocalInput(filters.to));
  const [target, setTarget] = useState(initialTarget(filters));
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: AuditFilters = {
      actor: actor.trim() || undefined,
      kind: kind.trim() || undefined,
      outcome: outcome || undefined,
      from: localInputToIso(from),
      to: localInputToIso(to),
      ...(target.kind && target.id.trim() ? { [target.kind]: target.id.trim() } : {}),
    };
    const parsed = AuditQuerySchema.safeParse(next);
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error));
    setErrors({});
    onApply(next);
  }

  function clear() {
    setActor('');
    setKind('');
    setOutcome('');
    setFrom('');
    setTo('');
    setTarget({ kind: '', id: '' });
    setErrors({});
    onApply({});
  }

  return (
    <form className="filters" onSubmit={submit} noValidate aria-label="Audit filters">
      <TextField label="Actor" name="actor" value={actor} onValueChange={setActor} error={errors.actor} placeholder="username" autoComplete="off" />
      <TextField
        label="Action"
        name="kind"
        value={kind}
        onValueChange={setKind}
        error={errors.kind}
        placeholder="e.g. server or auth.login"
        hint="Matches the start of the action name."
        list="audit-action-suggestions"
        autoComplete="off"
      />
      <datalist id="audit-action-suggestions">
        <option value="auth.login" />
        <option value="auth" />
        <option value="server" />
        <option value="user" />
        <option value="token" />
        <option value="job" />
      </datalist>
      <SelectField label="Outcome" name="outcome" value={outcome} onValueChange={setOutcome} options={outcomeOptions} />
      <TextField label="From (local time)" name="from" type="datetime-local" value={from} onValueChange={setFrom} error={errors.from} />
      <TextField label="To (local time)" name="to" type="datetime-local" value={to} onValueChange={setTo} error={errors.to} />
      <SelectField label="Target" name="targetKind" value={target.kind} onValueChange={(kind) => setTarget((t) => ({ ...t, kind }))} options={targetOptions} />
      <TextField
        label="Target ID"
        name="targetId"
        value={target.id}
        onValueChange={(id) => setTarget((t) => ({ ...t, id }))}
        error={target.kind ? errors[target.kind] : undefined}
        disabled={!target.kind}
        autoComplete="off"
      />
      <div className="filters-actions">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        <Button onClick={clear}>Clear</Button>
      </div>
    </form>
  );
}
