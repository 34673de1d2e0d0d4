import { JobOptionsSchema } from '@syncsafe/contracts';
import { type PrismaClient, toRowEnum } from '@syncsafe/db';
import { judgeFailoverCondition, monitoredStates, roleServer } from '@syncsafe/domain';
import { buildFacts, jobInclude } from '../jobs/load-job.ts';
import { recordCondition } from './record-condition.ts';

/** The states in which some job type's table takes `condition-met` or `condition-cleared`. */
const MONITORED_STATES = monitoredStates().map((state) => toRowEnum(state));

/**
 * Asks the domain, for every job in a state where the failover condition matters, whether the machine
 * holding its source identity (last heard at `heardAt`) has met or cleared the condition, and records
 * the verdict: a transition, a notification, or an automatic failover to run.
 */
export async function checkFailoverConditions(prisma: PrismaClient, heardAt: (serverId: string) => number, runOperation: (operationId: string) => void): Promise<void> {
  const jobs = await prisma.job.findMany({ where: { state: { in: MONITORED_STATES } }, include: jobInclude });
  const now = Date.now();
  for (const job of jobs) {
    const options = JobOptionsSchema.parse(job.options);
    if (!options.monitoring.isEnabled) continue;
    const facts = buildFacts(job, options, [], null, null);
    const event = judgeFailoverCondition({
      type: facts.type,
      state: facts.state,
      isConditionMet: facts.isConditionMet,
      monitoring: options.monitoring,
      lastHeartbeatAt: heardAt(roleServer(facts, 'source').id),
      now,
    });
    if (!event) continue;
    const operationId = await recordCondition(prisma, job.id, event);
    if (operationId) runOperation(operationId);
  }
}
