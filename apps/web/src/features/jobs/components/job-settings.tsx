import type { Job } from '@syncsafe/contracts';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** The job's configuration as the wizard set it. */
export function JobSettings({ job, serverName }: { job: Job; serverName: (id: string | null) => string }) {
  const o = job.options;
  const isFull = job.type === 'full-server';
  return (
    <dl className="properties properties-compact">
      <dt>Replication set</dt>
      <dd className="mono">{job.directories.join(', ') || '—'}</dd>
      <dt>Replica root on the target</dt>
      <dd className="mono">{job.replicaRoot ?? '—'}</dd>
      <dt>Wait for user before failover</dt>
      <dd>{yesNo(o.waitForUser)}</dd>
      <dt>Failover monitoring</dt>
      <dd>
        {o.monitoring.isEnabled
          ? `Condition: ${o.monitoring.missedHeartbeats} missed heartbeats at ${o.monitoring.heartbeatIntervalSeconds} s (${o.monitoring.missedHeartbeats * o.monitoring.heartbeatIntervalSeconds} s window)`
          : 'Off'}
      </dd>
      <dt>Services</dt>
      <dd>{o.services.length > 0 ? o.services.join(', ') : 'None named'}</dd>
      {isFull ? (
        <>
          <dt>Reverse protection</dt>
          <dd>{yesNo(o.hasReverseProtection)}</dd>
          <dt>Adapter mapping</dt>
          <dd>{o.adapterMapping.length > 0 ? o.adapterMapping.map((m) => `${m.source} → ${m.target}`).join(', ') : 'None'}</dd>
          <dt>Test failover</dt>
          <dd>
            {o.testFailover.testServerId ? `Test machine ${serverName(o.testFailover.testServerId)}` : 'No test machine'}; test snapshot{' '}
            {o.testFailover.keepSnapshotOnUndo ? 'kept' : 'deleted'} on undo
          </dd>
        </>
      ) : (
        <>
          <dt>Failover addresses</dt>
          <dd>{o.failoverAddresses.length > 0 ? o.failoverAddresses.join(', ') : 'None'}</dd>
          <dt>Shares</dt>
          <dd>{o.shares.length > 0 ? o.shares.map((s) => `${s.name} (${s.path})`).join(', ') : 'None'}</dd>
        </>
      )}
      <dt>Snapshot schedule</dt>
      <dd>{o.snapshotSchedule.isEnabled ? `Every ${o.snapshotSchedule.intervalMinutes} min, keep ${o.snapshotSchedule.keep}` : 'Off'}</dd>
    </dl>
  );
}
