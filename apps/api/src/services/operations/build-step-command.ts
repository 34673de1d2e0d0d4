import {
  AgentStepCommandSchema,
  AgentStepResultSchemas,
  type AgentNetworkAdapter,
  type AgentServerIdentity,
  type AgentStepCommand,
  type AgentStepCommandName,
  type JobOptions,
} from '@syncsafe/contracts';
import type { Server } from '@syncsafe/db';
import type { JobCommandInput } from '@syncsafe/domain';
import type { StoredStep } from './stored-step.ts';

/** One step of the operation, for the steps after it: where it runs and, once succeeded, what it answered. */
export interface StepRecord {
  command: AgentStepCommandName;
  serverId: string | null;
  /** The stored result (JSON), present once the step succeeded. */
  result?: unknown;
}

/** What a step's command is built from, besides the domain's static args. */
export interface StepInputs {
  jobId: string;
  directories: string[];
  replicaRoot: string | null;
  options: JobOptions;
  input: JobCommandInput;
  servers: Map<string, Server>;
  /** The operation's steps, by key. */
  steps: Map<string, StepRecord>;
}

/** What a step effect's `before` read from agents for the command (see step-effects.ts). */
export interface StepPrefetch {
  /** Restore Identity: the original target machine's provisioned identity, and this machine's adapters. */
  identity?: { originalIdentity: AgentServerIdentity; ownAdapters: AgentNetworkAdapter[] };
}

/** The result of the step this one consumes (a channel grant from the receiving agent), parsed by its command. */
function consumedResult(step: StoredStep, inputs: StepInputs) {
  const consumed = step.consumes ? inputs.steps.get(step.consumes) : undefined;
  if (consumed?.result !== undefined) {
    if (consumed.command === 'prepare-restore') return { ...AgentStepResultSchemas['prepare-restore'].parse(consumed.result), serverId: consumed.serverId };
    if (consumed.command === 'prepare-test-failover') return { ...AgentStepResultSchemas['prepare-test-failover'].parse(consumed.result), openFiles: [], serverId: consumed.serverId };
  }
  throw new Error(`step ${step.row.key} needs the channel granted by step ${step.consumes ?? '(none)'}`);
}

function serverOf(inputs: StepInputs, id: string | null | undefined): Server {
  const server = id ? inputs.servers.get(id) : undefined;
  if (!server) throw new Error(`server ${id ?? '(none)'} is not part of this operation`);
  return server;
}

/** The command's own fields, before its schema completes defaults and checks them. */
function commandFields(step: StoredStep, inputs: StepInputs, prefetch: StepPrefetch): Record<string, unknown> {
  const { args } = step;
  const job = { jobId: inputs.jobId };
  const { options } = inputs;
  switch (step.command) {
    case 'shut-down':
    case 'stop-services':
      return args;
    case 'reboot':
      return { rebootSeconds: options.rebootSeconds };
    case 'failover-files':
      return { ...job, ...args, shares: options.shares };
    case 'failover-full-server':
      return { ...job, ...args, rebootSeconds: options.rebootSeconds };
    case 'prepare-restore':
      return { ...job, directories: inputs.directories };
    case 'restore': {
      // The destination is the server whose agent granted the channel (the Restore dialog's choice).
      const { channel, openFiles, serverId } = consumedResult(step, inputs);
      const destination = serverOf(inputs, serverId);
      // The spec: files must be closed on the destination so that the restored files can overwrite them.
      if (openFiles.length > 0) {
        throw new Error(`${openFiles.length} file(s) are open on ${destination.name}; stop the applications using them and restore again: ${openFiles.slice(0, 20).join(', ')}`);
      }
      const port = inputs.input.command === 'restore' && inputs.input.port ? inputs.input.port : destination.port;
      return { ...job, ...args, destination: { address: destination.address, port, ...channel } };
    }
    case 'prepare-test-failover':
      return {
        ...job,
        adapterMapping: options.adapterMapping.map((m) => ({ sourceAdapter: m.source, targetAdapter: m.target })),
        replicaPath: options.testFailover.replicaPath ?? `${inputs.replicaRoot ?? '/srv/syncsafe/replica'}-test-failover`,
      };
    case 'start-test-failover': {
      const test = serverOf(inputs, options.testFailover.testServerId);
      return { ...job, ...args, testMachine: { address: test.address, port: test.port, ...consumedResult(step, inputs).channel } };
    }
    case 'complete-test-failover':
      return { ...job, rebootSeconds: options.rebootSeconds };
    case 'restore-identity': {
      if (!prefetch.identity) throw new Error('Restore Identity needs the identities read before it');
      const { originalIdentity, ownAdapters } = prefetch.identity;
      const production = options.productionAdapter ?? ownAdapters.find((a) => a.isProduction)?.friendlyName ?? ownAdapters[0]?.friendlyName;
      if (!production) throw new Error('The machine has no network adapter to bring the target identity up on');
      return { identity: originalIdentity, productionAdapter: production };
    }
    default:
      return { ...job, ...args };
  }
}

/**
 * Completes a planned step into the agent command: the job id, the replication set, shares, adapter
 * mapping, reboot time, channel endpoints granted by earlier steps, and identities (read by the step's
 * `before` effect, so this stays pure). The command's schema checks the whole and fills its defaults.
 */
export function buildStepCommand(step: StoredStep, inputs: StepInputs, prefetch: StepPrefetch = {}): AgentStepCommand {
  return AgentStepCommandSchema.parse({ ...commandFields(step, inputs, prefetch), command: step.command });
}
