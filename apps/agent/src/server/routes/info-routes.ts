import type { FastifyInstance } from 'fastify';
import type { AgentInfo } from '@syncsafe/contracts';
import type { AgentServices } from '../agent-services.ts';

export function describeAgent(services: AgentServices): AgentInfo {
  const { machine } = services;
  const record = machine.snapshot;
  return {
    protocolVersion: 1,
    agentVersion: services.agentVersion,
    machineId: record.machineId,
    identity: record.identity,
    originalIdentity: record.originalIdentity,
    identityHistory: record.identityHistory,
    adapters: record.adapters,
    isClustered: record.isClustered,
    license: record.license,
    powerState: machine.powerState,
    networkState: machine.networkState,
    rebootSeconds: record.rebootSeconds,
    standIns: record.standIns,
    startedAt: services.startedAt,
    isFaultInjectionEnabled: services.config.isFaultInjectionEnabled,
    jobs: services.jobs.list().map((j) => ({ jobId: j.jobId, role: j.role, type: j.type })),
  };
}

export async function infoRoutes(app: FastifyInstance, services: AgentServices): Promise<void> {
  app.get('/v1/info', async () => describeAgent(services));
}
