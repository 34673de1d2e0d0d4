import type { JobFacts, ServerFacts } from './job-facts.ts';
import { basisStateOf, isFailedOver } from './state-groups.ts';

/** The two machines of a job, by what they were when the job was created. */
export type MachineName = 'originalSource' | 'originalTarget';

/**
 * What a machine carries. `stale-source`: it still has the source identity on disk but is shut down or
 * kept off the network, because the other machine answers as the source now (the spec: "both servers
 * will have the source identity", only one of them on the network).
 */
export type HeldIdentity = 'source' | 'target' | 'stale-source';

export type MachineIdentities = Record<MachineName, HeldIdentity>;

type Role = 'source' | 'target';

/** Which original machine plays a role of the job now: Reverse swaps them for Full Server jobs. */
export function roleMachine(facts: Pick<JobFacts, 'type' | 'isReversed'>, role: Role): MachineName {
  const isSwapped = facts.type === 'full-server' && facts.isReversed;
  if (role === 'source') return isSwapped ? 'originalTarget' : 'originalSource';
  return isSwapped ? 'originalSource' : 'originalTarget';
}

const serverOf = (facts: Pick<JobFacts, 'servers'>, machine: MachineName): ServerFacts =>
  machine === 'originalSource' ? facts.servers.source : facts.servers.target;

/** The server that plays a role of the job now (what `machine: 'source' | 'target'` of a planned step means). */
export function roleServer(facts: Pick<JobFacts, 'type' | 'isReversed' | 'servers'>, role: Role): ServerFacts {
  return serverOf(facts, roleMachine(facts, role));
}

/**
 * Which machine carries which identity. It follows from the settled state (while an operation runs, or
 * in Error, the state it started from: identities change only when an operation succeeds) and the
 * direction: after a failover the target-role machine answers as the source and the target identity is
 * gone (Full Server) or stood in for (Files and Folders); Reverse gives the other machine the target
 * identity and swaps the roles.
 */
export function machineIdentities(facts: Pick<JobFacts, 'type' | 'isReversed' | 'state' | 'activeOperation' | 'failedOperation'>): MachineIdentities {
  const sourceRole = roleMachine(facts, 'source');
  const targetRole = roleMachine(facts, 'target');
  const isStandingIn = isFailedOver(basisStateOf(facts));
  return {
    [sourceRole]: isStandingIn ? 'stale-source' : 'source',
    [targetRole]: isStandingIn ? 'source' : 'target',
  } as MachineIdentities;
}

export interface IdentityHolders {
  /** The machine that answers as the source identity (exactly one). */
  source: { name: string; serverId: string };
  /**
   * The machine holding the target identity; null when it no longer exists (Full Server after a live
   * failover). A Files and Folders target keeps its own identity and stands in for the source's too.
   */
  target: { name: string; serverId: string } | null;
  /** The machine that still carries a copy of the source identity and must stay off the network. */
  dormantSourceServerId: string | null;
}

/** The identities as the Jobs page shows them (JobSchema.identities plus the dormant copy). */
export function identityHolders(facts: JobFacts): IdentityHolders {
  const held = machineIdentities(facts);
  const machines: MachineName[] = ['originalSource', 'originalTarget'];
  const holderOf = (identity: HeldIdentity) => machines.find((m) => held[m] === identity) ?? null;
  const sourceMachine = holderOf('source')!;
  const dormant = holderOf('stale-source');
  const targetMachine = holderOf('target');
  const sourceIdentity = { name: facts.servers.source.name, serverId: serverOf(facts, sourceMachine).id };
  const targetName = facts.servers.target.name;
  let target: IdentityHolders['target'] = null;
  if (targetMachine) target = { name: targetName, serverId: serverOf(facts, targetMachine).id };
  // A Files and Folders target stands in for the source and keeps its own name.
  else if (facts.type === 'files-and-folders') target = { name: targetName, serverId: serverOf(facts, sourceMachine).id };
  return { source: sourceIdentity, target, dormantSourceServerId: dormant ? serverOf(facts, dormant).id : null };
}
