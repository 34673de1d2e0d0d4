import { useId, useState } from 'react';
import { JobCommandSchema, jobCommandLabels, type Availability, type JobCommand } from '@syncsafe/contracts';
import type { JobActionsResponse } from '../api/get-job-actions.ts';

interface JobToolbarProps {
  /** The job the commands act on; null when none is highlighted. */
  jobName: string | null;
  actions: JobActionsResponse | undefined;
  /** Why this user cannot run commands at all (an auditor), or null. */
  roleReason: string | null;
  onCommand: (command: JobCommand) => void;
}

/**
 * The Jobs page toolbar, in the product's words and order. Whether each command is allowed comes from
 * the actions API; a command that is not stays focusable and says why, on hover and to screen readers.
 */
export function JobToolbar({ jobName, actions, roleReason, onCommand }: JobToolbarProps) {
  const availability = (command: JobCommand): Availability => {
    if (jobName === null) return { allowed: false, reason: 'Select a job in the table first.' };
    if (roleReason) return { allowed: false, reason: roleReason };
    if (!actions) return { allowed: false, reason: 'Checking what this job allows now…' };
    return actions.commands[command] ?? { allowed: false, reason: null };
  };
  return (
    <div className="job-toolbar" role="group" aria-label={jobName ? `Commands for ${jobName}` : 'Job commands'}>
      {JobCommandSchema.options.map((command) => (
        <ToolbarButton key={command} command={command} availability={availability(command)} onCommand={onCommand} />
      ))}
    </div>
  );
}

function ToolbarButton({ command, availability, onCommand }: { command: JobCommand; availability: Availability; onCommand: (command: JobCommand) => void }) {
  const reasonId = useId();
  // Escape hides the reason until the pointer or focus leaves (WCAG 1.4.13: dismissible without moving).
  const [isReasonDismissed, setIsReasonDismissed] = useState(false);
  const isDangerous = command === 'delete' || command === 'stop';
  const reason = availability.reason ?? 'Not available now.';
  return (
    <span
      className={isReasonDismissed ? 'toolbar-item toolbar-item-quiet' : 'toolbar-item'}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !availability.allowed) setIsReasonDismissed(true);
      }}
      onMouseLeave={() => setIsReasonDismissed(false)}
      onBlur={() => setIsReasonDismissed(false)}
    >
      <button
        type="button"
        className={`btn btn-small ${isDangerous ? 'btn-danger' : command === 'failover' ? 'btn-primary' : 'btn-secondary'}`}
        aria-disabled={availability.allowed ? undefined : true}
        aria-describedby={availability.allowed ? undefined : reasonId}
        data-command={command}
        onClick={() => {
          if (availability.allowed) onCommand(command);
        }}
      >
        {jobCommandLabels[command]}
      </button>
      {availability.allowed ? null : (
        <span role="tooltip" id={reasonId} className="tooltip">
          {reason}
        </span>
      )}
    </span>
  );
}
