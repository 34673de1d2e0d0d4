import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CreateJobRequestSchema, UpdateJobRequestSchema, type EditableJobField, type Job, type Server } from '@syncsafe/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { toFieldErrors, type FieldErrors } from '../../../lib/form-errors.ts';
import { useCreateJob } from '../api/create-job.ts';
import { useUpdateJob } from '../api/update-job.ts';
import { emptyJobFormValues, jobToFormValues, stepOfField, toCreateJobInput, toUpdateJobInput, wizardSteps, type JobFormValues, type WizardStep } from '../job-form-values.ts';

export type WizardServer = Pick<Server, 'id' | 'name' | 'address' | 'port' | 'status' | 'networkAdapters' | 'isClustered' | 'isDomainController'>;

/** Edit: the job, the fields its state lets change (actions API) and its state's label. */
export interface WizardEdit {
  job: Job;
  fields: readonly EditableJobField[];
  stateLabel: string;
}

interface UseWizardOptions {
  servers: WizardServer[];
  edit?: WizardEdit;
  onDone: (job: Job) => void;
}

const statusText = (status: WizardServer['status']) => (status === 'online' ? 'Online' : status === 'offline' ? 'Offline' : 'Unknown');

/**
 * The wizard's state and moves: the values, the step shown and those visited, the errors of the step
 * (checked with the contract's schema before moving on), and the submit that creates or saves the job.
 * What only the API knows comes back as its refusal, shown at the field, on the step that holds it.
 */
export function useWizard({ servers, edit, onDone }: UseWizardOptions) {
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

  const findServer = (id: string) => servers.find((s) => s.id === id);
  return {
    values,
    set,
    errors,
    step,
    steps,
    index,
    visited,
    headingRef,
    goTo,
    back: () => goTo(steps[index - 1]!),
    submit,
    isEditable,
    lockReason,
    requestError: edit ? updateJob.error : createJob.error,
    isBusy: createJob.isPending || updateJob.isPending,
    serverOptions: [{ value: '', label: 'Choose a server…' }, ...servers.map((s) => ({ value: s.id, label: `${s.name} — ${s.address}:${s.port} (${statusText(s.status)})` }))],
    source: findServer(values.sourceServerId),
    target: findServer(values.targetServerId),
    test: findServer(values.testServerId),
  };
}

export type Wizard = ReturnType<typeof useWizard>;
