import { reversePhaseLabels, type Job, type JobState } from '@syncsafe/contracts';

/** What the topology picture draws: the job's machines, the identities each answers as, and where data flows. */
export interface TopologyMachine {
  serverId: string;
  name: string;
  address: string;
  /** "Source machine" / "Target machine" / "Test machine": what the machine was when the job was created. */
  role: string;
  identities: Array<{ kind: 'source' | 'target' | 'own'; name: string }>;
  /** A machine with no identity on the network, and why. */
  note: string | null;
}

export interface TopologyFlow {
  fromId: string;
  toId: string;
  label: string;
  isActive: boolean;
}

export interface Topology {
  machines: TopologyMachine[];
  flows: TopologyFlow[];
  /** One sentence for screen readers and the caption. */
  summary: string;
}

const FLOW_LABELS: Partial<Record<JobState, string>> = {
  protecting: 'Replicating',
  'failover-condition-met': 'Replicating (failover condition met)',
  'test-failed-over': 'Replicating',
  'test-failing-over': 'Replicating',
  'undoing-test': 'Replicating',
  starting: 'Starting protection',
  restoring: 'Restoring data',
  reversing: 'Reversing',
};

function describe(machines: TopologyMachine[], flows: TopologyFlow[]): string {
  const held = machines.map((m) => {
    const ids = m.identities.filter((i) => i.kind !== 'own').map((i) => `the ${i.kind} identity (${i.name})`);
    if (m.identities.some((i) => i.kind === 'own')) ids.push('its own identity');
    return `${m.name} holds ${ids.length > 0 ? ids.join(' and ') : 'no identity on the network'}`;
  });
  const byId = new Map(machines.map((m) => [m.serverId, m.name]));
  const flowText = flows.length > 0 ? flows.map((f) => `${f.label}: ${byId.get(f.fromId)} to ${byId.get(f.toId)}`).join('; ') : 'No data flows between the machines';
  return `${held.join('; ')}. ${flowText}.`;
}

function build(job: Job, holders: { sourceId: string | null; targetId: string | null }, flowState: JobState | null, reversePhase: Job['reversePhase']): Topology {
  const machine = (ref: Job['source'], role: string): TopologyMachine => {
    const identities: TopologyMachine['identities'] = [];
    if (holders.sourceId === ref.id) identities.push({ kind: 'source', name: job.identities.source.name });
    if (holders.targetId === ref.id) identities.push({ kind: 'target', name: job.identities.target?.name ?? job.target.name });
    let note: string | null = null;
    if (identities.length === 0) {
      note = job.type === 'full-server' ? 'Keeps a copy of the source identity: stays off the network' : 'Failed over from: kept off the network until it is back';
    }
    return { serverId: ref.id, name: ref.name, address: `${ref.address}:${ref.port}`, role, identities, note };
  };
  const machines = [machine(job.source, 'Source machine'), machine(job.target, 'Target machine')];
  const flows: TopologyFlow[] = [];
  const label = flowState ? FLOW_LABELS[flowState] : undefined;
  const from = holders.sourceId;
  const to = machines.find((m) => m.serverId !== from)?.serverId;
  if (label && from && to) {
    const phase = flowState === 'reversing' && reversePhase ? `: ${reversePhaseLabels[reversePhase]}` : '';
    flows.push({ fromId: from, toId: to, label: `${label}${phase}`, isActive: true });
  }
  if (job.testServer) {
    const test: TopologyMachine = {
      serverId: job.testServer.id,
      name: job.testServer.name,
      address: `${job.testServer.address}:${job.testServer.port}`,
      role: 'Test machine',
      identities: [{ kind: 'own', name: job.testServer.name }],
      note: flowState === 'test-failed-over' ? 'Test failover running on its own isolated network' : null,
    };
    machines.push(test);
    if (flowState === 'test-failing-over' || flowState === 'test-failed-over') {
      const targetRole = job.identities.target?.serverId ?? job.target.id;
      flows.push({ fromId: targetRole, toId: test.serverId, label: flowState === 'test-failing-over' ? 'Mirroring the test snapshot' : 'Test failover (from a snapshot)', isActive: flowState === 'test-failing-over' });
    }
  }
  return { machines, flows, summary: describe(machines, flows) };
}

/** The job as it is now, from the API's Job.identities. */
export function topologyNow(job: Job): Topology {
  return build(job, { sourceId: job.identities.source.serverId, targetId: job.identities.target?.serverId ?? null }, job.state, job.reversePhase);
}

/** The machine that answers as the source after a live failover: the one receiving the data now. */
function receivingMachine(job: Job): string {
  const holder = job.identities.source.serverId;
  return holder === job.source.id ? job.target.id : job.source.id;
}

/**
 * After Failover or Cutover, per the spec: the target stands in for the source (Files and Folders, keeping
 * its own name too) or reboots into the source identity while the target identity no longer exists (Full Server).
 */
export function topologyAfterFailover(job: Job): Topology {
  const receiver = receivingMachine(job);
  return build(job, { sourceId: receiver, targetId: job.type === 'files-and-folders' ? receiver : null }, null, null);
}

/** After Reverse, per the spec: the source stays where it runs; the other machine gets the target identity; protection runs between them. */
export function topologyAfterReverse(job: Job): Topology {
  const holder = job.identities.source.serverId ?? job.target.id;
  const other = holder === job.source.id ? job.target.id : job.source.id;
  return build(job, { sourceId: holder, targetId: other }, 'protecting', null);
}
