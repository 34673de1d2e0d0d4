import type {
  AgentNetworkState,
  AgentPowerState,
  AgentServerIdentity,
  AgentServiceStopReport,
  AgentStandIn,
} from '@syncsafe/contracts';
import { BandwidthThrottle } from '../faults/bandwidth-throttle.ts';
import { conflict, notFound } from '../server/agent-error.ts';
import { writeJsonFileAtomic } from '../storage/json-file.ts';
import type { MachineRecord } from './machine-record.ts';

export type MachineListener = () => void;

const LICENSE_LOST_NOTE =
  'Activation lost on live failover without reverse protection: uninstall on the failed-over source to deactivate both licenses, then reinstall and reactivate the source license.';

/**
 * The host as the product sees it, modelled without touching the real one: the identity it holds,
 * its adapters and services, its license, and power / network state (which faults and Full Server
 * steps change). Power and network state are not persisted: starting the agent is powering on.
 */
export class MachineModel {
  private power: AgentPowerState = 'on';
  private isDisconnected = false;
  private readonly listeners = new Set<MachineListener>();
  /** The machine's link to other agents (the `limit-bandwidth` fault). */
  readonly throttle = new BandwidthThrottle();

  constructor(
    private record: MachineRecord,
    private readonly file: string,
  ) {}

  get machineId(): string {
    return this.record.machineId;
  }

  get snapshot(): Readonly<MachineRecord> {
    return this.record;
  }

  get powerState(): AgentPowerState {
    return this.power;
  }

  get networkState(): AgentNetworkState {
    if (this.isDisconnected) return 'disconnected';
    return this.record.isNetworkIsolated ? 'isolated' : 'connected';
  }

  isOn(): boolean {
    return this.power === 'on';
  }

  /** Reachable by the console and other agents. */
  isReachable(): boolean {
    return this.power === 'on' && !this.isDisconnected;
  }

  canSend(): boolean {
    return this.isReachable();
  }

  onChange(listener: MachineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setPower(power: AgentPowerState): void {
    if (this.power === power) return;
    this.power = power;
    this.notify();
  }

  setNetworkConnected(isConnected: boolean): void {
    if (this.isDisconnected === !isConnected) return;
    this.isDisconnected = !isConnected;
    this.notify();
  }

  setNetworkIsolated(isIsolated: boolean): void {
    this.update({ ...this.record, isNetworkIsolated: isIsolated });
  }

  setAdapterUp(friendlyName: string, isUp: boolean): void {
    if (!this.record.adapters.some((a) => a.friendlyName === friendlyName)) {
      throw notFound(`no network adapter named ${JSON.stringify(friendlyName)}`);
    }
    const adapters = this.record.adapters.map((a) => (a.friendlyName === friendlyName ? { ...a, isUp } : a));
    this.update({ ...this.record, adapters });
  }

  /** Right before failover the product stops every service that is not critical to the OS. */
  stopServices(keepRunning: readonly string[]): AgentServiceStopReport {
    const report: AgentServiceStopReport = { stopped: [], failed: [], leftRunning: [] };
    const services = this.record.identity.services.map((service) => {
      if (service.state !== 'running' || service.isCritical) return service;
      if (keepRunning.includes(service.name)) {
        report.leftRunning.push(service.name);
        return service;
      }
      if (!service.canStop) {
        report.failed.push({ name: service.name, reason: 'the stop command failed (blocking driver); files it locks may not fail over' });
        return service;
      }
      report.stopped.push(service.name);
      return { ...service, state: 'stopped' as const };
    });
    this.update({ ...this.record, identity: { ...this.record.identity, services } });
    return report;
  }

  /**
   * Live Full Server failover on the target machine: reboot into the source identity. The target
   * identity no longer exists anywhere afterwards; without reverse protection the license activation is lost.
   */
  async rebootIntoIdentity(identity: AgentServerIdentity, hasReverseProtection: boolean, rebootSeconds?: number): Promise<string> {
    const previous = this.record.identity.name;
    await this.reboot(rebootSeconds, () => {
      const license = hasReverseProtection ? this.record.license : { ...this.record.license, isActivated: false, note: LICENSE_LOST_NOTE };
      this.update({
        ...this.record,
        identity,
        license,
        identityHistory: [...this.record.identityHistory, { at: Date.now(), fromName: previous, toName: identity.name, reason: 'live-failover' }],
      });
    });
    return previous;
  }

  /** Reverse, phase Restoring: the original source machine takes the (original target) identity. */
  restoreIdentity(identity: AgentServerIdentity, productionAdapter: string): string {
    const adapter = this.record.adapters.find((a) => a.friendlyName === productionAdapter);
    if (!adapter) throw conflict(`the production adapter ${JSON.stringify(productionAdapter)} does not exist on this machine`);
    if (!adapter.isUp) throw conflict(`the production adapter ${JSON.stringify(productionAdapter)} is down: bring it online before Reverse`);
    const previous = this.record.identity.name;
    this.update({
      ...this.record,
      identity,
      identityHistory: [...this.record.identityHistory, { at: Date.now(), fromName: previous, toName: identity.name, reason: 'reverse-restoring' }],
    });
    return previous;
  }

  /** Unreachable for the reboot duration; `whileDown` runs while the machine is down. */
  async reboot(rebootSeconds = this.record.rebootSeconds, whileDown?: () => void): Promise<number> {
    if (this.power === 'off') throw conflict('the machine is powered off');
    this.setPower('rebooting');
    whileDown?.();
    await new Promise((resolve) => setTimeout(resolve, rebootSeconds * 1000));
    this.setPower('on');
    return Date.now();
  }

  addStandIn(jobId: string, standIn: AgentStandIn): void {
    const standIns = [...this.record.standIns.filter((s) => s.jobId !== jobId), { jobId, ...standIn }];
    this.update({ ...this.record, standIns });
  }

  removeStandIn(jobId: string): string[] {
    const removed = this.record.standIns.find((s) => s.jobId === jobId);
    this.update({ ...this.record, standIns: this.record.standIns.filter((s) => s.jobId !== jobId) });
    return removed?.addresses ?? [];
  }

  private update(record: MachineRecord): void {
    this.record = record;
    writeJsonFileAtomic(this.file, record);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
