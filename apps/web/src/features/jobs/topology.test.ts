import { describe, expect, it } from 'vitest';
import { makeJob } from '../../test/factories.ts';
import { topologyAfterFailover, topologyAfterReverse, topologyNow } from './topology.ts';

const fullServer = () => {
  const job = makeJob({ type: 'full-server', name: 'Protect web01' });
  return { ...job, source: { ...job.source, name: 'web01' }, target: { ...job.target, name: 'web02' }, identities: { source: { name: 'web01', serverId: job.source.id }, target: { name: 'web02', serverId: job.target.id } } };
};

describe('topology', () => {
  it('shows each machine with its own identity and replication from source to target while protecting', () => {
    const job = fullServer();
    const now = topologyNow(job);
    expect(now.summary).toBe('web01 holds the source identity (web01); web02 holds the target identity (web02). Replicating: web01 to web02.');
  });

  it('after a Full Server live failover, the target machine answers as the source and the target identity is gone', () => {
    const after = topologyAfterFailover(fullServer());
    expect(after.summary).toBe('web01 holds no identity on the network; web02 holds the source identity (web01). No data flows between the machines.');
    expect(after.machines[0]!.note).toMatch(/stays off the network/);
  });

  it('a Files and Folders target stands in for the source and keeps its own name', () => {
    const job = makeJob();
    const after = topologyAfterFailover(job);
    expect(after.machines[1]!.identities.map((i) => i.kind)).toEqual(['source', 'target']);
  });

  it('after Reverse the original source machine holds the target identity and protection runs back to it', () => {
    const job = fullServer();
    const failedOver = { ...job, state: 'failed-over' as const, identities: { source: { name: 'web01', serverId: job.target.id }, target: null } };
    expect(topologyNow(failedOver).flows).toEqual([]);
    const reversed = topologyAfterReverse(failedOver);
    expect(reversed.summary).toBe('web01 holds the target identity (web02); web02 holds the source identity (web01). Replicating: web02 to web01.');
  });
});
