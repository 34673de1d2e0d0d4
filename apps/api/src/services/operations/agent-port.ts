import type {
  AgentInfo,
  AgentJobSetupRequestSchema,
  AgentJobSetupResponse,
  AgentJobStatus,
  AgentOpenFilesResponse,
  AgentSnapshot,
  AgentStepCommandInput,
  AgentStepCommandName,
  AgentStepResultOf,
  AgentStreamMessage,
} from '@syncsafe/contracts';
import type { z } from 'zod';

/** What the console needs from one agent (implemented by @syncsafe/agent-client's AgentClient). */
export interface AgentPort {
  info(): Promise<AgentInfo>;
  setUpJob(jobId: string, setup: z.input<typeof AgentJobSetupRequestSchema>): Promise<AgentJobSetupResponse>;
  getJob(jobId: string): Promise<AgentJobStatus>;
  deleteJob(jobId: string): Promise<void>;
  listSnapshots(jobId: string): Promise<AgentSnapshot[]>;
  openFiles(directories: string[]): Promise<AgentOpenFilesResponse>;
  /** Runs a step to completion (the step id is the agent's idempotency key) and returns its typed result. */
  runStep<C extends AgentStepCommandName>(stepId: string, command: Extract<AgentStepCommandInput, { command: C }>, options?: { timeoutMs?: number }): Promise<AgentStepResultOf<C>>;
  subscribe(handlers: { onMessage(message: AgentStreamMessage): void; onClose?(reason: string): void }): { opened: Promise<void>; close(): void };
}

/** Opens an agent by console server id (address, port and decrypted local credentials). */
export type AgentDirectory = (serverId: string) => Promise<AgentPort>;
