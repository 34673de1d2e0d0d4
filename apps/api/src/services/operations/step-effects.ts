import type { AgentSnapshot, AgentStepCommandName, AgentStepResultOf, JobOptions } from '@syncsafe/contracts';
import { fromRowEnum, type Database, type Job, type Prisma } from '@syncsafe/db';
import type { FastifyBaseLogger } from 'fastify';
import { errorText } from '../../lib/error-text.ts';
import { publishJob } from '../jobs/publish-job.ts';
import type { AgentDirectory } from './agent-port.ts';
import type { StepPrefetch } from './build-step-command.ts';
import { ensureProtectionSetup } from './ensure-protection-setup.ts';
import type { StoredStep } from './stored-step.ts';
import { syncSnapshots } from './sync-snapshots.ts';

/** What an effect sees of the step it accompanies. */
export interface StepContext {
  db: Database;
  agents: AgentDirectory;
  log: FastifyBaseLogger;
  job: Job;
  options: JobOptions;
  step: StoredStep;
  /** The machine the step runs on. */
  serverId: string;
}

/** Database writes that commit in the transaction of the step's result. */
export type StepWrite = (tx: Prisma.TransactionClient) => Promise<void>;

/**
 * What a command needs besides being posted to its agent. `before` runs I/O before the step is posted
 * (its failure fails the step) and returns what the command is built from; `after` runs once the agent
 * answered: agent I/O first, then it returns the writes to commit with the result (outside any
 * transaction while it waits on an agent).
 */
export interface StepEffect<C extends AgentStepCommandName> {
  before?(ctx: StepContext): Promise<StepPrefetch>;
  after?(ctx: StepContext, result: AgentStepResultOf<C>): Promise<StepWrite>;
}

export type StepEffects = { [C in AgentStepCommandName]?: StepEffect<C> };

/** The snapshot list of the agent that keeps the job's replica (where the snapshot step ran), or null if it cannot answer. */
async function targetSnapshots(ctx: StepContext): Promise<AgentSnapshot[] | null> {
  try {
    return await (await ctx.agents(ctx.serverId)).listSnapshots(ctx.job.id);
  } catch (error) {
    ctx.log.warn({ jobId: ctx.job.id, err: errorText(error) }, 'could not list snapshots after a snapshot step');
    return null;
  }
}

/** After a step that may change the target's snapshots: the console's list is made to match the agent's. */
function syncsSnapshots<C extends AgentStepCommandName>(testSnapshotOf?: (result: AgentStepResultOf<C>) => string): StepEffect<C> {
  return {
    async after(ctx, result) {
      const snapshots = await targetSnapshots(ctx);
      return async (tx) => {
        if (!snapshots) return;
        await syncSnapshots(tx, ctx.job.id, snapshots, testSnapshotOf?.(result));
        await publishJob(tx, ctx.job.id);
      };
    },
  };
}

/** After the target queue was applied or discarded: it is empty. */
const emptiesQueue: StepEffect<'apply-queue' | 'discard-queue'> = {
  async after(ctx) {
    return async (tx) => {
      await tx.job.update({ where: { id: ctx.job.id }, data: { queueBytes: 0n, queueOps: 0 } });
      await publishJob(tx, ctx.job.id);
    };
  },
};

/** Every command's effects; a command that is only posted to its agent has no row. */
export const stepEffects: StepEffects = {
  'start-protection': {
    // Protection runs from the step's machine to the job's other machine, at the address it has now:
    // an edit since the operation began (e.g. during Reverse's Restoring) is not re-pointed for a job
    // that is not protecting yet, so it is read here rather than from the operation's start.
    async before({ db, agents, job, options, step, serverId }) {
      const otherId = serverId === job.sourceServerId ? job.targetServerId : job.sourceServerId;
      const from = await db.prisma.server.findUniqueOrThrow({ where: { id: serverId } });
      const to = await db.prisma.server.findUniqueOrThrow({ where: { id: otherId } });
      const protectionJob = { id: job.id, type: fromRowEnum(job.type), directories: job.directories, replicaRoot: job.replicaRoot, reverseReplicaRoot: options.reverseReplicaRoot, targetServerId: job.targetServerId };
      await ensureProtectionSetup(agents, protectionJob, from, to, step.row.id);
      return {};
    },
  },
  'restore-identity': {
    // The identity is the original target machine's provisioned one; the adapter, this machine's production one.
    async before({ agents, job, serverId }) {
      const { originalIdentity } = await (await agents(job.targetServerId)).info();
      const own = await (await agents(serverId)).info();
      return { identity: { originalIdentity, ownAdapters: own.adapters } };
    },
  },
  'apply-queue': emptiesQueue,
  'discard-queue': emptiesQueue,
  'take-snapshot': syncsSnapshots(),
  'start-test-failover': syncsSnapshots((result) => result.snapshotId),
  'delete-snapshot': syncsSnapshots(),
  'revert-snapshot': syncsSnapshots(),
  'failover-full-server': syncsSnapshots(),
  'undo-failover': syncsSnapshots(),
};
