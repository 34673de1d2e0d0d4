import type { MachineRole } from '@syncsafe/contracts';
import { roleServer } from './identities.ts';
import type { JobFacts } from './job-facts.ts';
import type { JobCommandInput } from './job-input.ts';

/**
 * The server a planned step runs on, by the role its machine plays in the job now: the restore
 * destination is the server chosen in the Restore dialog (the job's source by default).
 */
export function serverForStep(facts: JobFacts, machine: MachineRole, input: JobCommandInput): string | null {
  switch (machine) {
    case 'source':
    case 'target':
      return roleServer(facts, machine).id;
    case 'test':
      return facts.servers.test?.id ?? null;
    case 'restore-destination':
      return (input.command === 'restore' && input.serverId) || facts.servers.source.id;
  }
}
