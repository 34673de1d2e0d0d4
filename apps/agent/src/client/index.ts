export { AgentClient, createAgentClient, type AgentClientOptions, type RunStepOptions } from './agent-client.ts';
export { AgentRequestError, AgentStepFailedError, AgentUnreachableError } from './agent-client-errors.ts';
export type { HeartbeatHandlers, HeartbeatSubscription } from './heartbeat-subscription.ts';
