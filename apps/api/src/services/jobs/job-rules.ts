import type { JobOptions, JobType } from '@syncsafe/contracts';
import { fromRowEnum, type Prisma, type Server } from '@syncsafe/db';
import { linksTarget } from '@syncsafe/domain';
import { badField, conflict } from '../../lib/app-error.ts';

export interface JobServers {
  source: Server;
  target: Server;
  test: Server | null;
}

async function findServer(tx: Prisma.TransactionClient, id: string, field: string) {
  const server = await tx.server.findUnique({ where: { id } });
  if (!server) throw badField(field, 'No server with this id; add the server on the Servers page first');
  return server;
}

/** Loads the job's servers, refusing unknown ones by the field that names them. */
export async function loadJobServers(
  tx: Prisma.TransactionClient,
  ids: { sourceServerId: string; targetServerId: string; testServerId: string | null },
): Promise<JobServers> {
  if (ids.sourceServerId === ids.targetServerId) throw badField('targetServerId', 'Source and target must be different servers');
  const source = await findServer(tx, ids.sourceServerId, 'sourceServerId');
  const target = await findServer(tx, ids.targetServerId, 'targetServerId');
  const test = ids.testServerId ? await findServer(tx, ids.testServerId, 'options.testFailover.testServerId') : null;
  if (test && (test.id === source.id || test.id === target.id)) {
    throw badField('options.testFailover.testServerId', 'The test failover machine must be a third server, not the source or the target');
  }
  return { source, target, test };
}

/**
 * The spec: "You will not be able to create a new protection job as long as the existing job remains as
 * it is linked to the Target machine to which the system failed over."
 */
export async function assertTargetFree(tx: Prisma.TransactionClient, targetServerId: string, exceptJobId?: string) {
  const jobs = await tx.job.findMany({
    where: { OR: [{ targetServerId }, { sourceServerId: targetServerId }], ...(exceptJobId ? { NOT: { id: exceptJobId } } : {}) },
    select: { id: true, name: true, state: true, sourceServerId: true, targetServerId: true, isReversed: true },
  });
  // The machine a job failed over to is the one playing its target role (the original source after a Reverse).
  const linked = jobs.find((j) => linksTarget(fromRowEnum(j.state)) && (j.isReversed ? j.sourceServerId : j.targetServerId) === targetServerId);
  if (linked) {
    throw conflict(
      `This target is still linked to job ${linked.name}, which has failed over to it; delete that job first (manual reversal) or choose another target`,
      { field: 'targetServerId', jobId: linked.id, jobName: linked.name },
    );
  }
}

/**
 * Full Server adapter mapping: each mapped name must be an adapter of its server, and the test
 * failover machine must have adapters with the mapped target names (or the test fails, says the spec).
 */
export function checkAdapterMapping(type: JobType, options: JobOptions, servers: JobServers) {
  if (type !== 'full-server') return;
  options.adapterMapping.forEach((m, i) => {
    if (servers.source.networkAdapters.length > 0 && !servers.source.networkAdapters.includes(m.source)) {
      throw badField(`options.adapterMapping.${i}.source`, `${servers.source.name} has no network adapter named "${m.source}"`);
    }
    if (servers.target.networkAdapters.length > 0 && !servers.target.networkAdapters.includes(m.target)) {
      throw badField(`options.adapterMapping.${i}.target`, `${servers.target.name} has no network adapter named "${m.target}"`);
    }
  });
  if (servers.test) {
    const missing = options.adapterMapping.map((m) => m.target).filter((name) => !servers.test!.networkAdapters.includes(name));
    if (missing.length > 0) {
      throw badField(
        'options.testFailover.testServerId',
        `Test failover machine ${servers.test.name} needs network adapters with the mapped friendly names: missing ${missing.map((n) => `"${n}"`).join(', ')}`,
      );
    }
  }
  if (options.hasReverseProtection && servers.source.isDomainController) {
    throw badField('options.hasReverseProtection', 'Reverse protection is not available for a domain controller; reverse manually after failover');
  }
}
