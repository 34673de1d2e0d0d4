import { randomUUID } from 'node:crypto';
import type { AgentService } from '@syncsafe/contracts';
import type { AgentConfig } from '../config/agent-config.ts';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file.ts';
import { MachineModel } from './machine-model.ts';
import { MachineRecordSchema, type MachineRecord } from './machine-record.ts';

/** A plausible Windows-like service list for a modelled server. */
const DEFAULT_SERVICES: AgentService[] = [
  { name: 'SyncSafe Replicate', isCritical: true, canStop: false, state: 'running' },
  { name: 'Windows Event Log', isCritical: true, canStop: false, state: 'running' },
  { name: 'DNS Client', isCritical: true, canStop: false, state: 'running' },
  { name: 'World Wide Web Publishing Service', isCritical: false, canStop: true, state: 'running' },
  { name: 'SQL Server (MSSQLSERVER)', isCritical: false, canStop: true, state: 'running' },
  { name: 'Print Spooler', isCritical: false, canStop: true, state: 'running' },
];

/**
 * Loads the machine model, or creates it on first start from the config. Afterwards the stored
 * model wins: the identity a machine holds changes through failover and Reverse, not through flags.
 */
export function provisionMachine(file: string, config: AgentConfig): MachineModel {
  const stored = readJsonFile(file, MachineRecordSchema);
  if (stored) return new MachineModel({ ...stored, rebootSeconds: config.rebootSeconds }, file);
  const addresses = config.addresses.length > 0 ? config.addresses : ['127.0.0.1'];
  const identity = {
    name: config.name,
    addresses,
    isDomainController: config.isDomainController,
    hasNameSpecificApplication: config.hasNameSpecificApplication,
    services: config.services ?? DEFAULT_SERVICES,
  };
  const adapters =
    config.adapters.length > 0
      ? config.adapters.map((a, i) => ({ ...a, isUp: true, isProduction: a.isProduction || i === 0 }))
      : [{ friendlyName: 'Local Area Connection', addresses, isUp: true, isProduction: true }];
  const record: MachineRecord = {
    machineId: randomUUID(),
    identity,
    originalIdentity: identity,
    identityHistory: [],
    adapters,
    isClustered: config.isClustered,
    license: { key: config.licenseKey ?? null, isActivated: config.licenseKey !== undefined, note: null },
    rebootSeconds: config.rebootSeconds,
    isNetworkIsolated: false,
    standIns: [],
  };
  writeJsonFileAtomic(file, record);
  return new MachineModel(record, file);
}
