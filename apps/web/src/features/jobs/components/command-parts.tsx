import { jobCommandLabels, type ActionWarning, type JobCommand } from '@syncsafe/contracts';
import { Alert } from '../../../components/alert.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { isApiError } from '../../../lib/api-error.ts';

const severityView: Record<ActionWarning['severity'], { className: string; symbol: string; prefix: string }> = {
  danger: { className: 'warning-danger', symbol: '■', prefix: 'Data or licence loss' },
  warning: { className: 'warning-warning', symbol: '▲', prefix: 'Warning' },
  info: { className: 'warning-info', symbol: '◆', prefix: 'Note' },
};

/**
 * The consequences the API attaches to the chosen options: what loses data or a licence and what needs
 * care are always shown; the spec's general notes fold away under one line that names them.
 */
export function WarningList({ warnings, title }: { warnings: ActionWarning[]; title?: string }) {
  if (warnings.length === 0) return null;
  const important = warnings.filter((w) => w.severity !== 'info').sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'danger' ? -1 : 1));
  const notes = warnings.filter((w) => w.severity === 'info');
  return (
    <section className="warning-list" aria-label={title ?? 'Consequences'}>
      {title ? <h3 className="warning-list-title">{title}</h3> : null}
      {important.length > 0 ? <WarningItems warnings={important} /> : null}
      {notes.length > 0 ? (
        <details className="warning-more" open={important.length === 0}>
          <summary>
            {notes.length === 1 ? '1 more note' : `${notes.length} more notes`}: {notes.map((w) => noteTopics[w.code] ?? w.code).join(', ')}
          </summary>
          <WarningItems warnings={notes} />
        </details>
      ) : null}
    </section>
  );
}

/** Short names of the spec's notes, for the folded line. */
const noteTopics: Partial<Record<ActionWarning['code'], string>> = {
  nlb: 'NLB',
  'license-activation': 'license activation',
  'software-devices': 'software devices',
  'reboot-prompt': 'reboot prompts',
  'driver-signing': 'driver signing',
  'original-machine-state': 'original machine',
  'test-isolated-network': 'isolated test network',
  'snapshots-deferred-during-test': 'deferred snapshots',
  'job-may-not-be-visible': 'job visibility',
  'reverse-address-conflict': 'address conflict',
};

function WarningItems({ warnings }: { warnings: ActionWarning[] }) {
  return (
    <ul className="plain-list">
      {warnings.map((warning) => {
        const view = severityView[warning.severity];
        return (
          <li key={`${warning.code}-${warning.appliesTo?.value ?? ''}`} className={`warning ${view.className}`} data-warning={warning.code}>
            <span className="warning-symbol" aria-hidden="true">
              {view.symbol}
            </span>
            <p>
              <strong>{view.prefix}:</strong> {warning.message}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** The chosen options lose data or a licence (a `danger` warning applies): the job name must be typed. */
export const needsTypedConfirmation = (warnings: ActionWarning[]) => warnings.some((w) => w.severity === 'danger');

interface TypedConfirmationProps {
  jobName: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
  hint?: string;
}

export function TypedConfirmation({ jobName, value, onValueChange, error, hint = 'This choice cannot be undone: what it loses is listed above.' }: TypedConfirmationProps) {
  return (
    <div className="typed-confirmation">
      <TextField
        label={`Type the job name (${jobName}) to confirm`}
        value={value}
        onValueChange={onValueChange}
        error={error}
        hint={hint}
        autoComplete="off"
        spellCheck={false}
        isRequired
      />
    </div>
  );
}

export const isConfirmed = (jobName: string, typed: string) => typed.trim() === jobName;

interface ConflictDetails {
  stateLabel?: string;
  allowedCommands?: JobCommand[];
  currentVersion?: number;
}

/**
 * Why the API refused a command: a 409 names the job's state now and what it allows (someone else
 * may have acted first); a 400 names the option. The dialog's options are refreshed meanwhile.
 */
export function CommandRefusal({ error, what }: { error: unknown; what: string }) {
  if (!error) return null;
  if (isApiError(error) && error.status === 409) {
    const details = (error.details ?? {}) as ConflictDetails;
    const allowed = details.allowedCommands ?? [];
    return (
      <Alert title={`${what} was refused`}>
        <p>{error.message}</p>
        {details.stateLabel ? (
          <p>
            The job is now <strong>{details.stateLabel}</strong>.{' '}
            {allowed.length > 0 ? `Allowed now: ${allowed.map((c) => jobCommandLabels[c]).join(', ')}.` : 'No command is allowed now.'}
          </p>
        ) : null}
        {details.currentVersion !== undefined ? <p>The options below were refreshed: check them and try again.</p> : null}
      </Alert>
    );
  }
  return <Alert title={`${what} was not started`}>{error instanceof Error ? error.message : 'Something went wrong.'}</Alert>;
}
