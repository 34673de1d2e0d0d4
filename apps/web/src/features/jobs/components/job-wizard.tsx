import type { ReactNode } from 'react';
import type { Job } from '@syncsafe/contracts';
import { Alert } from '../../../components/alert.tsx';
import { Button } from '../../../components/button.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { stepEditableField, wizardStepLabels, type WizardStep } from '../job-form-values.ts';
import { useWizard, type Wizard, type WizardEdit, type WizardServer } from './use-wizard.ts';
import { WizardFailoverStep } from './wizard-failover-step.tsx';
import { WizardReplicationStep } from './wizard-replication-step.tsx';
import { WizardReviewStep } from './wizard-review-step.tsx';
import { WizardServersStep } from './wizard-servers-step.tsx';
import { WizardSnapshotsStep } from './wizard-snapshots-step.tsx';
import { WizardTestStep } from './wizard-test-step.tsx';
import { WizardTypeStep } from './wizard-type-step.tsx';

export type { WizardServer } from './use-wizard.ts';

interface JobWizardProps {
  servers: WizardServer[];
  /** Edit: the job, the fields its state lets change (actions API) and its state's label. */
  edit?: WizardEdit;
  onDone: (job: Job) => void;
  onCancel: () => void;
}

/**
 * Create or Edit a job, step by step: type, source and target, the replication set, failover options,
 * test failover settings (Full Server) and the snapshot schedule. The client checks each step with the
 * contract's schema; what only the API knows (a target still linked to a failed-over job, adapter names)
 * comes back as its refusal, shown at the field, on the step that holds it.
 */
export function JobWizard({ servers, edit, onDone, onCancel }: JobWizardProps) {
  const wizard = useWizard({ servers, edit, onDone });
  const { step, steps, index, visited, errors, requestError, isBusy } = wizard;
  const stepContent: Record<WizardStep, () => ReactNode> = {
    type: () => <WizardTypeStep wizard={wizard} isEdit={edit !== undefined} />,
    servers: () => <WizardServersStep wizard={wizard} hasServers={servers.length > 0} />,
    replication: () => <WizardReplicationStep wizard={wizard} />,
    failover: () => <WizardFailoverStep wizard={wizard} />,
    test: () => <WizardTestStep wizard={wizard} />,
    snapshots: () => <WizardSnapshotsStep wizard={wizard} />,
    review: () => <WizardReviewStep wizard={wizard} />,
  };

  return (
    <form className="form wizard" onSubmit={wizard.submit} noValidate aria-label={edit ? `Edit ${edit.job.name}` : 'Create job'}>
      <ol className="wizard-steps" aria-label="Steps">
        {steps.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={s === step ? 'wizard-step wizard-step-current' : 'wizard-step'}>
            {visited.has(s) && s !== step ? (
              <button type="button" className="wizard-step-link" onClick={() => wizard.goTo(s)}>
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
      <h2 ref={wizard.headingRef} tabIndex={-1} className="wizard-heading">
        {wizardStepLabels[step]}
      </h2>
      {requestError && !(isApiError(requestError) && Object.keys(requestError.fieldErrors).length > 0) ? (
        <Alert title={edit ? 'The job was not saved' : 'The job was not created'}>
          {requestError.message}
          {isApiError(requestError) && requestError.status === 409 && edit ? ' Reload the page to edit the job as it is now.' : ''}
        </Alert>
      ) : Object.keys(errors).length > 0 ? (
        <Alert title="Check the highlighted fields" />
      ) : null}
      {edit ? <NotEditableNotice wizard={wizard} edit={edit} /> : null}

      {stepContent[step]()}

      <div className="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        {index > 0 ? <Button onClick={wizard.back}>Back</Button> : null}
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

/** Edit: a step whose settings the job's state does not let change says so, and what can change now. */
function NotEditableNotice({ wizard, edit }: { wizard: Wizard; edit: WizardEdit }) {
  const field = stepEditableField[wizard.step];
  if (!field || wizard.isEditable(field)) return null;
  return (
    <Alert tone="info" title="Not editable now">
      {`These settings cannot be changed while the job is ${edit.stateLabel}.`} {edit.fields.length > 0 ? `Editable now: ${edit.fields.join(', ')}.` : 'Nothing is editable now.'}
    </Alert>
  );
}
