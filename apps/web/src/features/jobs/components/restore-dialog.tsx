import { useState, type FormEvent } from 'react';
import type { Job, RestoreActionOptions, Server } from '@syncsafe/contracts';
import { Button } from '../../../components/button.tsx';
import { CheckboxField, SelectField, TextField } from '../../../components/form-field.tsx';
import { RadioGroupField } from '../../../components/radio-group-field.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { CommandRefusal, isConfirmed, needsTypedConfirmation, TypedConfirmation, WarningList } from './command-parts.tsx';
import { OperationStarted, useLiveOperation } from './operation-started.tsx';
import { PreparationChecklist } from './preparation-checklist.tsx';
import { useJobCommand } from './use-job-command.ts';

export type DestinationServer = Pick<Server, 'id' | 'name' | 'address' | 'port' | 'status'>;

interface RestoreFormProps {
  job: Job;
  options: RestoreActionOptions;
  version: number;
  servers: DestinationServer[];
  actorName: string;
  canAct: boolean;
  onClose: () => void;
}

/**
 * Restore, as the spec's dialog: Restore Data (to the server picked in the server list, the job's source
 * by default, optionally on another port for a public NAT address) or Do Not Restore Data (its data
 * loss spelled out and confirmed by typing the job name); the shares notice; the preparation checklist.
 */
export function RestoreForm({ job, options, version, servers, actorName, canAct, onClose }: RestoreFormProps) {
  const [restoreData, setRestoreData] = useState<'true' | 'false' | null>(() => {
    const first = options.choices.find((c) => c.allowed);
    return first ? (String(first.restoreData) as 'true' | 'false') : null;
  });
  const [serverId, setServerId] = useState(options.destination.defaultServerId);
  const [isPortOverridden, setIsPortOverridden] = useState(false);
  const [port, setPort] = useState(String(options.destination.defaultPort));
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const command = useJobCommand(job.id, 'restore', version);
  const operation = useLiveOperation(job.id, command.operation);
  if (operation) return <OperationStarted job={job} operation={operation} onClose={onClose} />;

  const choice = options.choices.find((c) => String(c.restoreData) === restoreData) ?? null;
  const isRestoring = restoreData === 'true';
  const warnings = choice?.warnings ?? [];
  const mustType = needsTypedConfirmation(warnings);
  const destination = servers.find((s) => s.id === serverId);
  const serverOptions = (servers.some((s) => s.id === options.destination.defaultServerId) ? servers : [{ id: options.destination.defaultServerId, name: options.destination.defaultServerName, address: '', port: options.destination.defaultPort, status: 'unknown' as const }, ...servers]).map(
    (s) => ({
      value: s.id,
      label: `${s.name}${s.address ? ` — ${s.address}:${s.port}` : ''}${s.id === options.destination.defaultServerId ? ' (the job’s source)' : ''}${s.id === job.target.id ? ' (the job’s target)' : ''}`,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const portNumber = Number(port);
    if (restoreData === null) problems.restoreData = 'Choose Restore Data or Do Not Restore Data.';
    if (isRestoring && isPortOverridden && !(Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65535)) problems.port = 'Port must be a whole number between 1 and 65535.';
    if (mustType && !isConfirmed(job.name, typed)) problems.confirmation = `Type ${job.name} exactly to confirm.`;
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    command.submit(isRestoring ? { restoreData: true, serverId, ...(isPortOverridden ? { port: portNumber } : {}) } : { restoreData: false });
  }

  const fieldErrors = { ...(isApiError(command.error) ? command.error.fieldErrors : {}), ...errors };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Restore">
      <CommandRefusal error={command.error} what="Restore" />
      <RadioGroupField
        legend="Restore"
        name="restore-data"
        value={restoreData}
        onValueChange={(next) => {
          setRestoreData(next);
          setTyped('');
        }}
        error={fieldErrors.restoreData}
        options={options.choices.map((c) => ({ value: String(c.restoreData) as 'true' | 'false', label: c.label, hint: c.description, isDisabled: !c.allowed, disabledReason: c.reason }))}
      />
      {isRestoring ? (
        <fieldset className="fieldset form-section">
          <legend className="field-label">Restore to</legend>
          <SelectField
            label="Server"
            value={serverId}
            onValueChange={setServerId}
            options={serverOptions}
            error={fieldErrors.serverId}
            hint="Highlight the source server, or a new server that replaces it. Only the data is restored."
          />
          {options.destination.canOverridePort ? (
            <>
              <CheckboxField
                label="Use another port than the default communication port"
                checked={isPortOverridden}
                onCheckedChange={setIsPortOverridden}
                hint={`${options.destination.portHint} Default: ${destination?.port ?? options.destination.defaultPort}.`}
              />
              {isPortOverridden ? <TextField label="Port" inputMode="numeric" className="input-narrow" value={port} onValueChange={setPort} error={fieldErrors.port} isRequired /> : null}
            </>
          ) : null}
          {job.options.shares.length > 0 ? (
            <p className="field-hint">
              Shares this job creates on the target at failover: {job.options.shares.map((s) => `${s.name} (${s.path})`).join(', ')}. Create them on the source by hand if they
              do not exist there.
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <WarningList warnings={warnings} title={isRestoring ? 'Before you restore' : 'Skipping the restoration'} />
      <PreparationChecklist
        jobId={job.id}
        checklists={options.checklists}
        preferredOrder="restore-then-failback"
        actorName={actorName}
        canTick={canAct}
        verification={{ destinationServerId: serverId, destinationName: destination?.name ?? options.destination.defaultServerName, destinationStatus: destination?.status ?? null }}
      />
      {mustType ? <TypedConfirmation jobName={job.name} value={typed} onValueChange={setTyped} error={fieldErrors.confirmation} /> : null}
      <div className="form-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant={mustType ? 'danger' : 'primary'} isBusy={command.isPending}>
          {command.isPending ? 'Starting…' : 'Continue'}
        </Button>
      </div>
    </form>
  );
}
