import { type Availability, type FailbackActionOptions, jobStateLabels, type RestoreActionOptions } from '@syncsafe/contracts';
import type { CommandCheck } from './command-check.ts';
import type { FieldProblem } from './failover-options.ts';
import { firstFailingGuard, GUARDS } from './guards.ts';
import { roleServer } from './identities.ts';
import type { JobFacts } from './job-facts.ts';
import type { RestoreInput } from './job-input.ts';
import { returnChecklists } from './return-checklists.ts';
import { basisStateOf } from './state-groups.ts';
import { failbackWarnings, restoreWarnings } from './warnings.ts';

const LABELS = { true: 'Restore Data', false: 'Do Not Restore Data' } as const;

/** Why Restore Data / Do Not Restore Data has no row in this state. */
function choiceNotHereReason(facts: JobFacts, restoreData: boolean): string {
  const basis = basisStateOf(facts);
  if (!restoreData && (basis === 'failed-over' || basis === 'restored')) {
    return basis === 'restored'
      ? 'The data is already restored: fail back next.'
      : 'Do Not Restore Data is offered after failback: to fail back without restoring, fail back first, then choose Do Not Restore Data.';
  }
  return `${LABELS[String(restoreData) as 'true' | 'false']} is not available while the job is ${jobStateLabels[facts.state]}.`;
}

export function restoreChoiceAvailability(facts: JobFacts, check: CommandCheck, restoreData: boolean): Availability {
  if (!check.allowed) return { allowed: false, reason: check.reason };
  const rows = check.rows.filter((row) => row.when?.restoreData === restoreData);
  if (rows.length === 0) return { allowed: false, reason: choiceNotHereReason(facts, restoreData) };
  if (rows.some((row) => firstFailingGuard(facts, row.guards) === null)) return { allowed: true, reason: null };
  return { allowed: false, reason: GUARDS[firstFailingGuard(facts, rows[0]!.guards)!].reason(facts) };
}

export function restoreOptions(facts: JobFacts, check: CommandCheck): RestoreActionOptions {
  const source = facts.servers.source;
  return {
    choices: [true, false].map((restoreData) => ({
      restoreData,
      label: LABELS[String(restoreData) as 'true' | 'false'],
      description: restoreData
        ? 'Copy the data changed on the target during failover back to the server you select (the job’s source by default). Only what differs is sent; only data is restored, not shares.'
        : 'Skip the restoration. Any data changes made on the target during failover will be lost; the job is stopped.',
      ...restoreChoiceAvailability(facts, check, restoreData),
      warnings: restoreWarnings(restoreData),
    })),
    destination: {
      defaultServerId: source.id,
      defaultServerName: source.name,
      defaultPort: source.port,
      canOverridePort: true,
      portHint: 'If the server has a public NAT address, you can disable the default communication port and specify another port number, so that the servers communicate through a router.',
    },
    checklists: returnChecklists(facts),
  };
}

export function checkRestoreInput(facts: JobFacts, check: CommandCheck, input: RestoreInput): FieldProblem | null {
  const choice = restoreChoiceAvailability(facts, check, input.restoreData);
  if (!choice.allowed) return { field: 'restoreData', reason: choice.reason ?? 'This choice is not available.' };
  // Do Not Restore Data uses no destination: a server or port sent along is ignored.
  if (!input.restoreData) return null;
  const target = roleServer(facts, 'target');
  if (input.serverId !== undefined && input.serverId === target.id) {
    return { field: 'serverId', reason: `The restore destination cannot be the job’s target (${target.name}): choose the source, or a new server.` };
  }
  if (input.port !== undefined && !(Number.isInteger(input.port) && input.port >= 1 && input.port <= 65535)) {
    return { field: 'port', reason: 'Port must be a whole number between 1 and 65535.' };
  }
  return null;
}

export function failbackOptions(facts: JobFacts): FailbackActionOptions {
  const restored = basisStateOf(facts) === 'restored';
  return {
    description: restored
      ? 'Requests for the source are no longer routed to the target but back to the source; the job is then stopped.'
      : 'Requests for the source are no longer routed to the target but back to the source. Restore next (Restore Data, or Do Not Restore Data which loses the changes made on the target); users must stay off both servers until then.',
    checklists: returnChecklists(facts),
    warnings: failbackWarnings(),
  };
}
