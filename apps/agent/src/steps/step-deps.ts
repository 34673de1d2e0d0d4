import type { AgentStepCommand, AgentStepCommandName } from '@syncsafe/contracts';
import type { EventBus } from '../events/event-bus.ts';
import type { JobRegistry } from '../jobs/job-registry.ts';
import type { MachineModel } from '../machine/machine-model.ts';
import type { ChannelRegistry } from '../replication/channel-registry.ts';
import type { DataDir } from '../storage/data-dir.ts';
import type { StepOutcome } from './step-journal.ts';

export interface StepDeps {
  jobs: JobRegistry;
  machine: MachineModel;
  channels: ChannelRegistry;
  dataDir: DataDir;
  bus: EventBus;
}

export type StepHandler<C extends AgentStepCommandName> = (
  command: Extract<AgentStepCommand, { command: C }>,
  deps: StepDeps,
) => Promise<StepOutcome>;

export type StepHandlers = { [C in AgentStepCommandName]: StepHandler<C> };
