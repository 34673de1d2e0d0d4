import type { AgentConfig } from '../config/agent-config.ts';
import type { LocalAccount } from '../account/local-account.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { JobRegistry } from '../jobs/job-registry.ts';
import type { MachineModel } from '../machine/machine-model.ts';
import type { ChannelRegistry } from '../replication/channel-registry.ts';
import type { KeyLock } from '../steps/key-lock.ts';
import type { StepJournal } from '../steps/step-journal.ts';
import type { DataDir } from '../storage/data-dir.ts';

/** Everything the HTTP layer calls into; routes stay thin. */
export interface AgentServices {
  config: AgentConfig;
  dataDir: DataDir;
  account: LocalAccount;
  machine: MachineModel;
  bus: EventBus;
  channels: ChannelRegistry;
  jobs: JobRegistry;
  steps: StepJournal;
  stepLock: KeyLock;
  startedAt: number;
  agentVersion: string;
}
