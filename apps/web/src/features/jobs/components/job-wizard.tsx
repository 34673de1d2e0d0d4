import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { CreateJobRequestSchema, UpdateJobRequestSchema, type EditableJobField, type Job, type JobType, type Server } from '@syncsafe/contracts';
import { Alert } from '../../../components/alert.tsx';
import { Button } from '../../../components/button.tsx';
import { CheckboxField, SelectField, TextField } from '../../../components/form-field.tsx';
import { ListField } from '../../../components/list-field.tsx';
import { RadioGroupField } from '../../../components/radio-group-field.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { toFieldErrors, type FieldErrors } from '../../../lib/form-errors.ts';
import { useCreateJob } from '../api/create-job.ts';
import { useUpdateJob } from '../api/update-job.ts';
import { jobTypeLabels } from '../job-view.ts';
import {
  emptyJobFormValues,
  jobToFormValues,
  stepEditableField,
  stepOfField,
  toCreateJobInput,
  toUpdateJobInput,
  wizardStepLabels,
  wizardSteps,
  type JobFormValues,
  type WizardStep,
} from '../job-form-values.ts';

export type WizardServer = Pick<Server, 'id' | 'name' | 'address' | 'port' | 'status' | 'networkAdapters' | 'isClustered' | 'isDomainController'>;

interface JobWizardProps {
  servers: WizardServer[];
  /** Edit: the job, the fields its state lets change (actions API) and its state's label. */
  edit?: { job: Job; fields: readonly EditableJobField[]; stateLabel: string };
  onDone: (job: Job) => void;
  onCancel: () => void;
}

const typeHints: Record<JobType, string> = {
  'files-and-folders': 'Replicates a set of directories from the source to the target; on failover the target stands in for the source.',
  'full-server': 'Moves the whole server: name, addresses and system state. On live failover the target reboots into the source identity.',
};

/**
 * Create or Edit a job, step by step: type, source and target, the replication set, failover options,
 * test failover settings (Full Server) and the snapshot schedule. The client checks each step with the
 * contract's schema; what only the API knows (a target still linked to a failed-over job, adapter names)
 * comes back as its refusal, shown at the field, on the step that holds it.
 */
export function JobWizard({ servers, edit, onDone, onCancel }: JobWizardProps) {
  const [values, setValues] = useState<JobFormValues>(() => (edit ? jobToFormValues(edit.job) : emptyJobFormValues()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [step, setStep] = useState<WizardStep>('type');
  const [visited, setVisited] = useState<ReadonlySet<WizardStep>>(new Set(['type']));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstRender = useRef(true);
  const createJob = useCreateJob();
  const updateJob = useUpdateJob(edit?.job.id ?? '');
  const steps = wizardSteps(values.type);
  const index = steps.indexOf(step);
  const set = <K extends keyof JobFormValues>(key: K, value: JobFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const isEditable = (field: EditableJobField | null) => !edit || field === null || edit.fields.includes(field);
  const lockReason = (field: EditableJobField) => (isEditable(field) ? undefined : `Cannot be changed while the job is ${edit?.stateLabel}.`);

  // A new step gets the focus on its heading, as a new page would.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  function check(): FieldErrors {
    if (edit) {
      const parsed = UpdateJobRequestSchema.safeParse(toUpdateJobInput(values, edit.job, edit.fields));
      return parsed.success ? {} : toFieldErrors(parsed.error);
    }
    const parsed = CreateJobRequestSchema.safeParse(toCreateJobInput(values));
    return parsed.success ? {} : toFieldErrors(parsed.error);
  }

  function goTo(next: WizardStep) {
    setStep(next);
    setVisited((v) => new Set([...v, next]));
  }

  function showErrors(all: FieldErrors) {
    setErrors(all);
    const first = Object.keys(all)[0];
    if (first !== undefined) goTo(stepOfField(first));
  }

  function next() {
    const all = check();
    const here = Object.fromEntries(Object.entries(all).filter(([field]) => stepOfField(field) === step));
    setErrors(here);
    if (Object.keys(here).length === 0 && index < steps.length - 1) goTo(steps[index + 1]!);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (step !== 'review') return next();
    const all = check();
    if (Object.keys(all).length > 0) return showErrors(all);
    const onError = (error: Error) => {
      if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) showErrors(error.fieldErrors);
    };
    if (edit) {
      const patch = toUpdateJobInput(values, edit.job, edit.fields);
      if (Object.keys(patch).length === 1) return onDone(edit.job);
      updateJob.mutate(patch, { onSuccess: onDone, onError });
    } else {
      createJob.mutate(CreateJobRequestSchema.parse(toCreateJobInput(values)), { onSuccess: onDone, onError });
    }
  }

  const requestError = edit ? updateJob.error : createJob.error;
  const isBusy = createJob.isPending || updateJob.isPending;
  const serverOptions = [{ value: '', label: 'Choose a server…' }, ...servers.map((s) => ({ value: s.id, label: `${s.name} — ${s.address}:${s.port} (${s.status === 'online' ? 'Online' : s.status === 'offline' ? 'Offline' : 'Unknown'})` }))];
  const source = servers.find((s) => s.id === values.sourceServerId);
  const target = servers.find((s) => s.id === values.targetServerId);
  const test = servers.find((s) => s.id === values.testServerId);
  const isFull = values.type === 'full-server';
  const stepError = Object.keys(errors).length > 0;

  return (
    <form className="form wizard" onSubmit={submit} noValidate aria-label={edit ? `Edit ${edit.job.name}` : 'Create job'}>
      <ol className="wizard-steps" aria-label="Steps">
        {steps.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={s === step ? 'wizard-step wizard-step-current' : 'wizard-step'}>
            {visited.has(s) && s !== step ? (
              <button type="button" className="wizard-step-link" onClick={() => goTo(s)}>
                {i + 1}. {wizardStepLabels[s]}
              </button>
            ) : (
              <span>
                {i + 1}. {wizardStepLabels[s]}
              </span>
            )}
          </li>
        ))}
      </ol>
      <h2 ref={headingRef} tabIndex={-1} className="wizard-heading">
        {wizardStepLabels[step]}
      </h2>
      {requestError && !(isApiError(requestError) && Object.keys(requestError.fieldErrors).length > 0) ? (
        <Alert title={edit ? 'The job was not saved' : 'The job was not created'}>
          {requestError.message}
          {isApiError(requestError) && requestError.status === 409 && edit ? ' Reload the page to edit the job as it is now.' : ''}
        </Alert>
      ) : stepError ? (
        <Alert title="Check the highlighted fields" />
      ) : null}
      {edit && stepEditableField[step] && !isEditable(stepEditableField[step]) ? (
        <Alert tone="info" title="Not editable now">
          {`These settings cannot be changed while the job is ${edit.stateLabel}.`} {edit.fields.length > 0 ? `Editable now: ${edit.fields.join(', ')}.` : 'Nothing is editable now.'}
        </Alert>
      ) : null}

      {step === 'type' ? (
        <>
          {edit ? (
            <p>
              Type: <strong>{jobTypeLabels[values.type]}</strong> (a job’s type cannot change).
            </p>
          ) : (
            <RadioGroupField
              legend="Job type"
              name="job-type"
              value={values.type}
              onValueChange={(type) => set('type', type)}
              error={errors.type}
              options={(['files-and-folders', 'full-server'] as const).map((t) => ({ value: t, label: jobTypeLabels[t], hint: typeHints[t] }))}
            />
          )}
          <TextField label="Job name" value={values.name} onValueChange={(v) => set('name', v)} error={errors.name} isRequired disabled={!isEditable('name')} hint={lockReason('name')} />
        </>
      ) : null}

      {step === 'servers' ? (
        <>
          <SelectField
            label="Source server"
            value={values.sourceServerId}
            onValueChange={(v) => set('sourceServerId', v)}
            options={serverOptions}
            error={errors.sourceServerId}
            disabled={!isEditable('sourceServerId')}
            hint={lockReason('sourceServerId') ?? 'The server to protect.'}
          />
          <SelectField
            label="Target server"
            value={values.targetServerId}
            onValueChange={(v) => set('targetServerId', v)}
            options={serverOptions}
            error={errors.targetServerId}
            disabled={!isEditable('targetServerId')}
            hint={lockReason('targetServerId') ?? 'Receives the replica and stands in for the source on failover. A target still linked to a failed-over job is refused until that job is deleted.'}
          />
          {servers.length === 0 ? <Alert tone="info">There are no servers yet: add the source and the target on the Servers page first.</Alert> : null}
        </>
      ) : null}

      {step === 'replication' ? (
        <>
          <ListField
            legend={isFull ? 'Volumes (directories) of the server' : 'Replication set (directories on the source)'}
            hint={lockReason('directories') ?? 'Absolute paths, not nested in one another.'}
            items={values.directories}
            onItemsChange={(items) => set('directories', items)}
            itemLabel={(i) => `Directory ${i + 1}`}
            removeLabel={(i) => `Remove directory ${i + 1}`}
            addLabel="Add directory"
            emptyText="No directories yet."
            placeholder="/srv/data"
            error={errors.directories}
            itemErrors={Object.fromEntries(values.directories.map((_, i) => [i, errors[`directories.${i}`]]))}
          />
          <TextField
            label="Replica root on the target"
            value={values.replicaRoot}
            onValueChange={(v) => set('replicaRoot', v)}
            error={errors.replicaRoot}
            placeholder="/replica"
            isRequired
            disabled={!isEditable('replicaRoot')}
            hint={lockReason('replicaRoot') ?? 'Where the target keeps the replica (an absolute path, not /).'}
          />
        </>
      ) : null}

      {step === 'failover' ? (
        <fieldset className="fieldset form-section" disabled={!isEditable('options')}>
          <legend className="visually-hidden">Failover options</legend>
          <CheckboxField
            label="Wait for user before failover"
            checked={values.waitForUser}
            onCheckedChange={(v) => set('waitForUser', v)}
            hint="When the failover condition is met, notify every console and wait for an operator to fail over. Off: fail over automatically."
          />
          <CheckboxField label="Monitor the source for a failover condition" checked={values.isMonitoringEnabled} onCheckedChange={(v) => set('isMonitoringEnabled', v)} />
          {values.isMonitoringEnabled ? (
            <div className="inline-fields">
              <TextField
                label="Missed heartbeats"
                inputMode="numeric"
                className="input-narrow"
                value={values.missedHeartbeats}
                onValueChange={(v) => set('missedHeartbeats', v)}
                error={errors['options.monitoring.missedHeartbeats']}
              />
              <TextField
                label="Heartbeat interval (seconds)"
                inputMode="numeric"
                className="input-narrow"
                value={values.heartbeatIntervalSeconds}
                onValueChange={(v) => set('heartbeatIntervalSeconds', v)}
                error={errors['options.monitoring.heartbeatIntervalSeconds']}
              />
              <p className="field-hint inline-fields-note" aria-live="polite">
                Monitoring window: {windowSeconds(values)}
              </p>
            </div>
          ) : null}
          <ListField
            legend="Services"
            hint="Services on the source that failover stops, unless “Leave source services running” is chosen in the Failover dialog."
            items={values.services}
            onItemsChange={(items) => set('services', items)}
            itemLabel={(i) => `Service ${i + 1}`}
            removeLabel={(i) => `Remove service ${i + 1}`}
            addLabel="Add service"
            emptyText="No services named."
            error={errors['options.services']}
          />
          {isFull ? (
            <>
              <CheckboxField
                label="Reverse protection"
                checked={values.hasReverseProtection}
                onCheckedChange={(v) => set('hasReverseProtection', v)}
                hint="After a live failover, Reverse gives the original source machine the target identity and protects the other way. Without it, a live failover loses the activated target license and going back is manual."
              />
              <FieldErrorLine message={errors['options.hasReverseProtection']} />
              <AdapterSelect
                label="Production network adapter of the source"
                adapters={source?.networkAdapters ?? []}
                value={values.productionAdapter}
                onValueChange={(v) => set('productionAdapter', v)}
                error={errors['options.productionAdapter']}
                hint="It must be online for Reverse."
              />
            </>
          ) : (
            <>
              <ListField
                legend="Failover addresses"
                hint="Source IP addresses the target takes over at failover."
                items={values.failoverAddresses}
                onItemsChange={(items) => set('failoverAddresses', items)}
                itemLabel={(i) => `Failover address ${i + 1}`}
                removeLabel={(i) => `Remove failover address ${i + 1}`}
                addLabel="Add failover address"
                emptyText="No failover addresses."
                error={errors['options.failoverAddresses']}
              />
              <ListField
                legend="Shares"
                hint="Shares created on the target at failover, as name=/path. A restore does not create them on the source."
                items={values.shares}
                onItemsChange={(items) => set('shares', items)}
                itemLabel={(i) => `Share ${i + 1} (name=/path)`}
                removeLabel={(i) => `Remove share ${i + 1}`}
                addLabel="Add share"
                emptyText="No shares."
                placeholder="public=/srv/data/public"
                error={errors['options.shares']}
                itemErrors={Object.fromEntries(values.shares.map((_, i) => [i, errors[`options.shares.${i}.name`] ?? errors[`options.shares.${i}.path`]]))}
              />
            </>
          )}
        </fieldset>
      ) : null}

      {step === 'test' ? (
        <fieldset className="fieldset form-section" disabled={!isEditable('options')}>
          <legend className="visually-hidden">Test failover settings</legend>
          <SelectField
            label="Test failover machine"
            value={values.testServerId}
            onValueChange={(v) => set('testServerId', v)}
            options={[{ value: '', label: 'None (no test failover)' }, ...serverOptions.slice(1)]}
            error={errors['options.testFailover.testServerId']}
            hint="A third server. It keeps its own identity and an isolated network during the test; its adapters must have the mapped target friendly names."
          />
          <AdapterMapping values={values} onChange={(m) => set('adapterMapping', m)} source={source} target={target} test={test} errors={errors} />
          <CheckboxField
            label="Keep the test snapshot on undo"
            checked={values.keepSnapshotOnUndo}
            onCheckedChange={(v) => set('keepSnapshotOnUndo', v)}
            hint="Undo Failover or Cutover keeps or deletes the snapshot the test used."
          />
        </fieldset>
      ) : null}

      {step === 'snapshots' ? (
        <fieldset className="fieldset form-section" disabled={!isEditable('options')}>
          <legend className="visually-hidden">Snapshot schedule</legend>
          <CheckboxField
            label="Take scheduled snapshots of the target"
            checked={values.isSnapshotScheduleEnabled}
            onCheckedChange={(v) => set('isSnapshotScheduleEnabled', v)}
            hint="A snapshot that cannot be taken on time (the job not in a good state, or a test running) is taken late as Deferred."
          />
          {values.isSnapshotScheduleEnabled ? (
            <div className="inline-fields">
              <TextField
                label="Every (minutes)"
                inputMode="numeric"
                className="input-narrow"
                value={values.snapshotIntervalMinutes}
                onValueChange={(v) => set('snapshotIntervalMinutes', v)}
                error={errors['options.snapshotSchedule.intervalMinutes']}
              />
              <TextField
                label="Keep (snapshots)"
                inputMode="numeric"
                className="input-narrow"
                value={values.snapshotKeep}
                onValueChange={(v) => set('snapshotKeep', v)}
                error={errors['options.snapshotSchedule.keep']}
              />
            </div>
          ) : null}
        </fieldset>
      ) : null}

      {step === 'review' ? <Review values={values} source={source} target={target} test={test} /> : null}

      <div className="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        {index > 0 ? <Button onClick={() => goTo(steps[index - 1]!)}>Back</Button> : null}
        {step === 'review' ? (
          <Button type="submit" variant="primary" isBusy={isBusy}>
            {edit ? (isBusy ? 'Saving…' : 'Save') : isBusy ? 'Creating…' : 'Create job'}
          </Button>
        ) : (
          <Button type="submit" variant="primary">
            Next
          </Button>
        )}
      </div>
    </form>
  );
}

function windowSeconds(values: JobFormValues): string {
  const seconds = Number(values.missedHeartbeats) * Number(values.heartbeatIntervalSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? `${seconds} seconds without a heartbeat meets the failover condition` : '—';
}

function FieldErrorLine({ message }: { message?: string }) {
  return message ? (
    <p className="field-error" role="alert">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  ) : null;
}

function AdapterSelect({ label, adapters, value, onValueChange, error, hint }: { label: string; adapters: string[]; value: string; onValueChange: (v: string) => void; error?: string; hint?: string }) {
  if (adapters.length === 0) return <TextField label={label} value={value} onValueChange={onValueChange} error={error} hint={hint} />;
  const options = [{ value: '', label: 'Not set' }, ...adapters.map((a) => ({ value: a, label: a }))];
  if (value && !adapters.includes(value)) options.push({ value, label: `${value} (not an adapter of this server)` });
  return <SelectField label={label} value={value} onValueChange={onValueChange} options={options} error={error} hint={hint} />;
}

interface AdapterMappingProps {
  values: JobFormValues;
  onChange: (mapping: JobFormValues['adapterMapping']) => void;
  source: WizardServer | undefined;
  target: WizardServer | undefined;
  test: WizardServer | undefined;
  errors: FieldErrors;
}

/** Live failover adapter mapping: source friendly name → target friendly name. */
function AdapterMapping({ values, onChange, source, target, test, errors }: AdapterMappingProps) {
  const id = useId();
  const rows = values.adapterMapping;
  const update = (index: number, side: 'source' | 'target', value: string) => onChange(rows.map((row, i) => (i === index ? { ...row, [side]: value } : row)));
  const missingOnTest = test ? rows.map((r) => r.target).filter((name) => name && !test.networkAdapters.includes(name)) : [];
  return (
    <fieldset className="field fieldset" aria-describedby={`${id}-hint`}>
      <legend className="field-label">Network adapter mapping (live failover)</legend>
      <p id={`${id}-hint`} className="field-hint">
        Each source adapter’s friendly name and the target adapter that takes its place. The test failover machine must have adapters with the mapped target names, or the test
        fails.
      </p>
      {rows.length === 0 ? <p className="list-field-empty">No adapters mapped.</p> : null}
      <ul className="plain-list adapter-rows">
        {rows.map((row, index) => (
          <li key={index} className="adapter-row">
            <AdapterSelect label={`Source adapter ${index + 1}`} adapters={source?.networkAdapters ?? []} value={row.source} onValueChange={(v) => update(index, 'source', v)} error={errors[`options.adapterMapping.${index}.source`]} />
            <span aria-hidden="true" className="adapter-arrow">
              →
            </span>
            <AdapterSelect label={`Target adapter ${index + 1}`} adapters={target?.networkAdapters ?? []} value={row.target} onValueChange={(v) => update(index, 'target', v)} error={errors[`options.adapterMapping.${index}.target`]} />
            <Button variant="ghost" onClick={() => onChange(rows.filter((_, i) => i !== index))} aria-label={`Remove adapter mapping ${index + 1}`}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <Button onClick={() => onChange([...rows, { source: '', target: '' }])}>Add adapter mapping</Button>
      {missingOnTest.length > 0 ? (
        <Alert tone="warning" title="The test failover would fail">
          {test?.name} has no adapter named {missingOnTest.map((n) => `“${n}”`).join(', ')}.
        </Alert>
      ) : null}
    </fieldset>
  );
}

function Review({ values, source, target, test }: { values: JobFormValues; source?: WizardServer; target?: WizardServer; test?: WizardServer }) {
  const rows: Array<[string, ReactNode]> = [
    ['Type', jobTypeLabels[values.type]],
    ['Name', values.name],
    ['Source', source ? `${source.name} (${source.address}:${source.port})` : '—'],
    ['Target', target ? `${target.name} (${target.address}:${target.port})` : '—'],
    ['Directories', values.directories.filter(Boolean).join(', ') || '—'],
    ['Replica root', values.replicaRoot || '—'],
    ['Wait for user before failover', values.waitForUser ? 'Yes' : 'No'],
    ['Failover monitoring', values.isMonitoringEnabled ? windowSeconds(values) : 'Off'],
    ['Services', values.services.filter(Boolean).join(', ') || 'None'],
  ];
  if (values.type === 'full-server') {
    rows.push(['Reverse protection', values.hasReverseProtection ? 'Yes' : 'No (a live failover loses the activated target license)']);
    rows.push(['Test failover machine', test ? test.name : 'None']);
    rows.push(['Adapter mapping', values.adapterMapping.map((m) => `${m.source} → ${m.target}`).join(', ') || 'None']);
    rows.push(['Test snapshot on undo', values.keepSnapshotOnUndo ? 'Kept' : 'Deleted']);
  } else {
    rows.push(['Failover addresses', values.failoverAddresses.filter(Boolean).join(', ') || 'None']);
    rows.push(['Shares', values.shares.filter(Boolean).join(', ') || 'None']);
  }
  rows.push(['Snapshot schedule', values.isSnapshotScheduleEnabled ? `Every ${values.snapshotIntervalMinutes} min, keep ${values.snapshotKeep}` : 'Off']);
  return (
    <dl className="properties">
      {rows.map(([label, value]) => (
        <div key={label} className="properties-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
