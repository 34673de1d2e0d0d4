import { type Availability, type JobActions, jobStateLabels } from '@syncsafe/contracts';
import { checkAllCommands } from './command-check.ts';
import { editableFields } from './editable-fields.ts';
import { failoverOptions } from './failover-options.ts';
import type { JobFacts } from './job-facts.ts';
import { manualReversalGuide } from './manual-reversal.ts';
import { failbackOptions, restoreOptions } from './restore-options.ts';
import { reverseOptions, undoFailoverOptions } from './reverse-options.ts';

/**
 * `GET /api/jobs/:id/actions` (JobActionsSchema): every command allowed or the reason not, and the
 * options each dialog offers now. Built from `checkCommand` and the option checks `decide` uses, so the
 * console never offers what the API would refuse.
 */
export function getAllowedActions(facts: JobFacts): JobActions {
  const checks = checkAllCommands(facts);
  const commands = Object.fromEntries(
    Object.values(checks).map((c): [string, Availability] => [c.command, { allowed: c.allowed, reason: c.reason }]),
  ) as JobActions['commands'];
  const isFiles = facts.type === 'files-and-folders';
  return {
    state: facts.state,
    stateLabel: jobStateLabels[facts.state],
    activeOperation: facts.activeOperation?.kind ?? null,
    commands,
    allowedCommands: Object.values(checks)
      .filter((c) => c.allowed)
      .map((c) => c.command),
    failover: failoverOptions(facts, checks.failover),
    restore: isFiles ? restoreOptions(facts, checks.restore) : null,
    failback: isFiles ? failbackOptions(facts) : null,
    undoFailover: isFiles ? null : undoFailoverOptions(facts),
    reverse: isFiles ? null : reverseOptions(facts),
    manualReversal: manualReversalGuide(facts),
    edit: { fields: checks.edit.allowed ? [...editableFields(facts.state)] : [] },
  };
}
