import type { AgentChannelGrant, AgentStepCommandInput, JobOptions } from '@syncsafe/contracts';
import type { OperationStep as StepRow, Server } from '@syncsafe/db';
import type { JobCommandInput } from '@syncsafe/domain';
import type { AgentDirectory } from './agent-port.ts';

/** What a step's command is built from, besides the domain's static args. */
export interface StepInputs {
  jobId: string;
  directories: string[];
  replicaRoot: string | null;
  options: JobOptions;
  input: JobCommandInput;
  servers: Map<string, Server>;
  /** Results of the operation's earlier steps, by key. */
  results: Map<string, unknown>;
  /** The server each step of the operation runs on, by key. */
  stepServers: Map<string, string | null>;
  /** The original target server (whose machine's provisioned identity is the job's target identity). */
  originalTargetServerId: string;
  agents: AgentDirectory;
}

/** The plan keeps presentation fields with the args; the agent gets only the command's own. */
function staticArgs(step: StepRow): Record<string, unknown> {
  const { description: _d, keepsReport: _k, consumes: _c, ...args } = step.args as Record<string, unknown>;
  return args;
}

function channelOf(step: StepRow, inputs: StepInputs): AgentChannelGrant {
  const key = (step.args as { consumes?: string | null }).consumes;
  const result = key ? (inputs.results.get(key) as { channel?: AgentChannelGrant } | undefined) : undefined;
  if (!result?.channel) throw new Error(`step ${step.key} needs the channel granted by step ${key ?? '(none)'}`);
  return result.channel;
}

function serverOf(inputs: StepInputs, id: string | null | undefined): Server {
  const server = id ? inputs.servers.get(id) : undefined;
  if (!server) throw new Error(`server ${id ?? '(none)'} is not part of this operation`);
  return server;
}

/**
 * Completes a planned step into the agent command: the job id, the replication set, shares, adapter
 * mapping, reboot time, channel endpoints granted by earlier steps, and identities.
 */
export async function buildStepCommand(step: StepRow, inputs: StepInputs): Promise<AgentStepCommandInput> {
  const args = staticArgs(step);
  const job = { jobId: inputs.jobId };
  const { options } = inputs;
  switch (step.command) {
    case 'shut-down':
    case 'stop-services':
      return { command: step.command, ...args } as AgentStepCommandInput;
    case 'reboot':
      return { command: 'reboot', rebootSeconds: options.rebootSeconds };
    case 'fail-over-files':
      return { command: 'fail-over-files', ...job, ...args, shares: options.shares } as AgentStepCommandInput;
    case 'fail-over-full-server':
      return { command: 'fail-over-full-server', ...job, ...args, rebootSeconds: options.rebootSeconds } as AgentStepCommandInput;
    case 'prepare-restore':
      return { command: 'prepare-restore', ...job, directories: inputs.directories };
    case 'restore': {
      // The destination is the server whose agent granted the channel (the Restore dialog's choice).
      const consumed = (step.args as { consumes?: string | null }).consumes ?? '';
      const destination = serverOf(inputs, inputs.stepServers.get(consumed));
      // The spec: files must be closed on the destination so that the restored files can overwrite them.
      const openFiles = (inputs.results.get(consumed) as { openFiles?: string[] } | undefined)?.openFiles ?? [];
      if (openFiles.length > 0) {
        throw new Error(`${openFiles.length} file(s) are open on ${destination.name}; stop the applications using them and restore again: ${openFiles.slice(0, 20).join(', ')}`);
      }
      const port = inputs.input.command === 'restore' && inputs.input.port ? inputs.input.port : destination.port;
      return { command: 'restore', ...job, ...args, destination: { address: destination.address, port, ...channelOf(step, inputs) } } as AgentStepCommandInput;
    }
    case 'prepare-test-failover':
      return {
        command: 'prepare-test-failover',
        ...job,
        adapterMapping: options.adapterMapping.map((m) => ({ sourceAdapter: m.source, targetAdapter: m.target })),
        replicaPath: options.testFailover.replicaPath ?? `${inputs.replicaRoot ?? '/srv/syncsafe/replica'}-test-failover`,
      };
    case 'start-test-failover': {
      const test = serverOf(inputs, options.testFailover.testServerId);
      return { command: 'start-test-failover', ...job, ...args, testMachine: { address: test.address, port: test.port, ...channelOf(step, inputs) } } as AgentStepCommandInput;
    }
    case 'complete-test-failover':
      return { command: 'complete-test-failover', ...job, rebootSeconds: options.rebootSeconds };
    case 'restore-identity': {
      const info = await (await inputs.agents(inputs.originalTargetServerId)).info();
      const own = await (await inputs.agents(step.serverId!)).info();
      const production = options.productionAdapter ?? own.adapters.find((a) => a.isProduction)?.friendlyName ?? own.adapters[0]?.friendlyName;
      if (!production) throw new Error('The machine has no network adapter to bring the target identity up on');
      return { command: 'restore-identity', identity: info.originalIdentity, productionAdapter: production };
    }
    default:
      return { command: step.command, ...job, ...args } as AgentStepCommandInput;
  }
}

