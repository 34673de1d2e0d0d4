import { join } from 'node:path';
import type { CreateJobRequest } from '@syncsafe/contracts';

/** Every demo agent listens on loopback; the console reaches it there. */
export const DEMO_ADDRESS = '127.0.0.1';
/** The local account every demo agent is started with (each with its own random password). */
export const DEMO_USERNAME = 'Administrator';

export interface DemoServer {
  name: string;
  /** Offset from SYNCSAFE_DEMO_PORT_BASE: the agent's fixed port. */
  slot: number;
  /** Network adapters by friendly name with their modelled addresses; the first is the production adapter. */
  adapters: { name: string; address: string }[];
  /** Services of the modelled system state, in the agent's `--service` syntax; none → the agent's defaults. */
  services?: string[];
  /** The server's role flag on the Servers page, and the agent's modelled identity. */
  isDomainController?: boolean;
  license: string;
}

// Modelled addresses come from the documentation ranges (RFC 5737): they are never reached, only shown.
export const DEMO_SERVERS: DemoServer[] = [
  { name: 'files01', slot: 0, adapters: [{ name: 'Local Area Connection', address: '192.0.2.21' }], license: 'DEMO-FILES01-0001' },
  { name: 'files02', slot: 1, adapters: [{ name: 'Local Area Connection', address: '192.0.2.22' }], license: 'DEMO-FILES02-0002' },
  {
    name: 'web01',
    slot: 2,
    adapters: [
      { name: 'Production', address: '192.0.2.11' },
      { name: 'Backup', address: '198.51.100.11' },
    ],
    services: [
      'SyncSafe Replicate:critical:unstoppable',
      'Windows Event Log:critical:unstoppable',
      'World Wide Web Publishing Service',
      'SQL Server (MSSQLSERVER)',
      'Print Spooler',
      // A blocking driver: its stop command fails at failover (the spec's "services that cannot stop").
      'Contoso Endpoint Protection:unstoppable',
    ],
    license: 'DEMO-WEB01-0003',
  },
  {
    name: 'web02',
    slot: 3,
    adapters: [
      { name: 'Production', address: '192.0.2.12' },
      { name: 'Backup', address: '198.51.100.12' },
    ],
    license: 'DEMO-WEB02-0004',
  },
  {
    name: 'webtest',
    slot: 4,
    adapters: [
      { name: 'Production', address: '192.0.2.13' },
      { name: 'Backup', address: '198.51.100.13' },
    ],
    license: 'DEMO-WEBTEST-0005',
  },
  {
    name: 'dc01',
    slot: 5,
    adapters: [{ name: 'Production', address: '192.0.2.31' }],
    services: ['SyncSafe Replicate:critical:unstoppable', 'Active Directory Domain Services:critical:unstoppable', 'DNS Server:critical', 'DFS Replication'],
    isDomainController: true,
    license: 'DEMO-DC01-0006',
  },
  { name: 'dc02', slot: 6, adapters: [{ name: 'Production', address: '192.0.2.32' }], license: 'DEMO-DC02-0007' },
];

/** Each demo server's folders: the agent's own state, and the modelled machine's disk. */
export const agentDataDir = (demoDir: string, name: string) => join(demoDir, name, 'agent');
export const diskOf = (demoDir: string, name: string) => join(demoDir, name, 'disk');

/** Folders seeded with sample files on first start: what the jobs protect. */
export function seededFolders(demoDir: string) {
  const files01 = diskOf(demoDir, 'files01');
  return {
    shares: ['Finance', 'Projects', 'Home'].map((name) => join(files01, 'Shares', name)),
    volume: join(diskOf(demoDir, 'web01'), 'volumes', 'C'),
    domainControllerVolume: join(diskOf(demoDir, 'dc01'), 'volumes', 'C'),
  };
}

/** The three demo jobs, as the Create Job wizard would send them. */
export function demoJobs(demoDir: string, serverIds: Record<string, string>): CreateJobRequest[] {
  const { shares, volume, domainControllerVolume } = seededFolders(demoDir);
  const filesReplica = join(diskOf(demoDir, 'files02'), 'Replica');
  return [
    {
      name: 'Protect files01',
      type: 'files-and-folders',
      sourceServerId: serverIds.files01!,
      targetServerId: serverIds.files02!,
      directories: shares,
      replicaRoot: filesReplica,
      options: {
        waitForUser: true,
        failoverAddresses: ['192.0.2.21'],
        shares: [{ name: 'Finance', path: join(filesReplica, shares[0]!) }],
      },
    },
    {
      name: 'Protect web01',
      type: 'full-server',
      sourceServerId: serverIds.web01!,
      targetServerId: serverIds.web02!,
      directories: [volume],
      replicaRoot: join(diskOf(demoDir, 'web02'), 'Replica'),
      options: {
        waitForUser: true,
        services: ['World Wide Web Publishing Service', 'SQL Server (MSSQLSERVER)'],
        hasReverseProtection: true,
        // Each machine keeps its copy on its own disk: web01 receives here while protection runs in reverse…
        reverseReplicaRoot: join(diskOf(demoDir, 'web01'), 'Replica'),
        productionAdapter: 'Production',
        adapterMapping: [
          { source: 'Production', target: 'Production' },
          { source: 'Backup', target: 'Backup' },
        ],
        // …and webtest receives the test failover's snapshot here.
        testFailover: { testServerId: serverIds.webtest!, keepSnapshotOnUndo: false, replicaPath: join(diskOf(demoDir, 'webtest'), 'TestFailover') },
        snapshotSchedule: { isEnabled: true, intervalMinutes: 5, keep: 12 },
      },
    },
    {
      // The spec's other Full Server case: a domain controller cannot be reversed, and without reverse
      // protection a live failover loses the target licence. Going back is the manual reversal.
      name: 'Protect dc01',
      type: 'full-server',
      sourceServerId: serverIds.dc01!,
      targetServerId: serverIds.dc02!,
      directories: [domainControllerVolume],
      replicaRoot: join(diskOf(demoDir, 'dc02'), 'Replica'),
      options: { waitForUser: true, hasReverseProtection: false, productionAdapter: 'Production', adapterMapping: [{ source: 'Production', target: 'Production' }] },
    },
  ];
}
