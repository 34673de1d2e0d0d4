import type { ReactNode } from 'react';
import { jobTypeLabels } from '@syncsafe/contracts';
import { monitoringWindowText } from '../job-form-values.ts';
import type { Wizard } from './use-wizard.ts';

/** The last step: every setting as it will be saved. */
export function WizardReviewStep({ wizard }: { wizard: Wizard }) {
  const { values, source, target, test } = wizard;
  const rows: Array<[string, ReactNode]> = [
    ['Type', jobTypeLabels[values.type]],
    ['Name', values.name],
    ['Source', source ? `${source.name} (${source.address}:${source.port})` : '—'],
    ['Target', target ? `${target.name} (${target.address}:${target.port})` : '—'],
    ['Directories', values.directories.filter(Boolean).join(', ') || '—'],
    ['Replica root', values.replicaRoot || '—'],
    ['Wait for user before failover', values.waitForUser ? 'Yes' : 'No'],
    ['Failover monitoring', values.isMonitoringEnabled ? monitoringWindowText(values) : 'Off'],
    ['Services', values.services.filter(Boolean).join(', ') || 'None'],
  ];
  if (values.type === 'full-server') {
    rows.push(['Reverse protection', values.hasReverseProtection ? 'Yes' : 'No (a live failover loses the activated target license)']);
    rows.push(['Test failover machine', test ? test.name : 'None']);
    rows.push(['Adapter mapping', values.adapterMapping.map((m) => `${m.source} → ${m.target}`).join(', ') || 'None']);
    rows.push(['Test snapshot on undo', values.keepSnapshotOnUndo ? 'Kept' : 'Deleted']);
  } else {
    rows.push(['Failover addresses', values.failoverAddresses.filter(Boolean).join(', ') || 'None']);
    rows.push(['Shares', values.shares.filter(Boolean).join(', ') || 'None']);
  }
  rows.push(['Snapshot schedule', values.isSnapshotScheduleEnabled ? `Every ${values.snapshotIntervalMinutes} min, keep ${values.snapshotKeep}` : 'Off']);
  return (
    <dl className="properties">
      {rows.map(([label, value]) => (
        <div key={label} className="properties-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
