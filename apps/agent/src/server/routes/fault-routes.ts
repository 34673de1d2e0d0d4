import type { FastifyInstance } from 'fastify';
import { AgentFaultRequestSchema, type AgentFaultRequest, type AgentFaultState } from '@syncsafe/contracts';
import { parseInput } from '../agent-error.ts';
import type { AgentServices } from '../agent-services.ts';

/** Faults that cut this very connection take effect once the answer has left. */
function applyFault(fault: AgentFaultRequest, { machine, jobs }: AgentServices): (() => void) | null {
  switch (fault.fault) {
    case 'power-off':
      return () => machine.setPower('off');
    case 'power-on':
      machine.setPower('on');
      return null;
    case 'network-disconnect':
      return () => machine.setNetworkConnected(false);
    case 'network-reconnect':
      machine.setNetworkConnected(true);
      return null;
    case 'pause-apply':
    case 'resume-apply':
      jobs.target(fault.jobId).setApplyPaused(fault.fault === 'pause-apply');
      return null;
    case 'mark-target-bad':
      jobs.target(fault.jobId).markBad('marked-bad', 'marked bad by fault injection');
      return null;
    case 'limit-bandwidth':
      machine.throttle.setLimit(fault.bytesPerSecond);
      return null;
    case 'adapter-down':
    case 'adapter-up':
      machine.setAdapterUp(fault.friendlyName, fault.fault === 'adapter-up');
      return null;
    case 'crash':
      return () => process.kill(process.pid, 'SIGKILL');
  }
}

function currentState({ machine }: AgentServices): AgentFaultState {
  return { powerState: machine.powerState, networkState: machine.networkState, bandwidthLimitBytesPerSecond: machine.throttle.limit };
}

/**
 * Fault injection, registered only when the agent was started with `--faults`. These routes stay
 * reachable while the modelled machine is off or disconnected: they play the hypervisor's console.
 */
export async function faultRoutes(app: FastifyInstance, services: AgentServices): Promise<void> {
  const outOfBand = { config: { isOutOfBand: true } };
  app.get('/v1/faults', outOfBand, async () => currentState(services));
  app.post('/v1/faults', outOfBand, async (request, reply) => {
    const fault = parseInput(AgentFaultRequestSchema, request.body, 'body');
    const later = applyFault(fault, services);
    const state = currentState(services);
    if (fault.fault === 'power-off') state.powerState = 'off';
    if (fault.fault === 'network-disconnect') state.networkState = 'disconnected';
    if (later) reply.raw.once('finish', later);
    return state;
  });
}
