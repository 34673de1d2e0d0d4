import { AgentStepCommandSchema, JobActionsSchema, JobStateSchema, type JobType } from '@syncsafe/contracts';
import { describe, expect, it } from 'vitest';
import { decide, getAllowedActions, servicesThatCannotStop, type JobCommandInput, type PlannedStep } from '../../src/index.ts';
import { jobFacts, jobIn, SOURCE, TARGET } from '../support/job-facts.ts';

const TYPES: JobType[] = ['files-and-folders', 'full-server'];

describe('getAllowedActions', () => {
  it.each(TYPES.flatMap((type) => JobStateSchema.options.map((state) => ({ type, state }))))(
    'answers JobActionsSchema for a $type job while $state',
    ({ type, state }) => {
      expect(() => JobActionsSchema.parse(getAllowedActions(jobIn(type, state)))).not.toThrow();
    },
  );

  it('shows Test and Snapshot failover disabled for Files and Folders with the spec’s reasons', () => {
    const types = getAllowedActions(jobFacts('files-and-folders')).failover.types;
    expect(types.map((t) => [t.type, t.allowed, t.reason])).toEqual([
      ['live', true, null],
      ['test', false, 'This option is not available for files and folders jobs.'],
      ['snapshot', false, 'This option is not applicable to files and folders jobs.'],
    ]);
  });

  it('labels the last option by the source’s clustered flag, for live and snapshot failover only', () => {
    const standalone = getAllowedActions(jobFacts('full-server')).failover.leaveSource;
    expect(standalone).toMatchObject({ label: 'Leave source services running', types: ['live', 'snapshot'], services: ['W3SVC'] });
    const facts = jobFacts('files-and-folders');
    const clustered = getAllowedActions({ ...facts, source: { ...facts.source, isClustered: true } }).failover.leaveSource;
    expect(clustered).toMatchObject({ label: 'Leave source cluster resources online', types: ['live'] });
  });

  it('says what each target queue choice means now', () => {
    const queue = getAllowedActions(jobFacts('full-server')).failover.queue;
    const apply = queue.find((q) => q.choice === 'apply')!;
    expect(apply).toMatchObject({ queuedBytes: 10 * 1024 * 1024, queuedOps: 120, estimatedApplySeconds: 10, losesBytes: 0, types: ['live', 'test', 'snapshot'] });
    expect(apply.description).toContain('about 10 seconds');
    const discard = queue.find((q) => q.choice === 'discard')!;
    expect(discard).toMatchObject({ losesBytes: 10 * 1024 * 1024, losesOps: 120, estimatedApplySeconds: null, types: ['live', 'snapshot'] });
    expect(discard.warnings[0]?.code).toBe('discard-loses-queue');

    const noRate = jobFacts('files-and-folders', { queue: { bytes: 500, ops: 3, applyBytesPerSecond: null } });
    const fileQueue = getAllowedActions(noRate).failover.queue;
    expect(fileQueue.find((q) => q.choice === 'apply')).toMatchObject({ estimatedApplySeconds: null });
    expect(fileQueue.find((q) => q.choice === 'revert-if-bad')).toMatchObject({ allowed: false, types: [] });
  });

  it('lists the snapshots newest first with the spec’s type descriptions, and disables Snapshot failover without any', () => {
    const failover = getAllowedActions(jobFacts('full-server')).failover;
    expect(failover.snapshots.map((s) => [s.snapshotId, s.typeLabel])).toEqual([
      ['snap-2', 'Manual'],
      ['snap-1', 'Scheduled'],
    ]);
    expect(failover.snapshots[1]!.typeDescription).toBe('This snapshot was taken as part of a periodic snapshot.');
    const none = getAllowedActions(jobFacts('full-server', { snapshots: [] })).failover.types.find((t) => t.type === 'snapshot');
    expect(none).toMatchObject({ allowed: false, reason: 'This option is not available because there are no snapshots on the target' });
  });

  it('attaches the spec’s considerations to the failover types they concern', () => {
    const types = getAllowedActions(jobFacts('full-server')).failover.types;
    const codes = (type: string) => types.find((t) => t.type === type)!.warnings.map((w) => w.code);
    expect(codes('live')).toEqual(expect.arrayContaining(['nlb', 'services-cannot-stop', 'license-activation', 'reboot-prompt', 'driver-signing']));
    expect(codes('test')).toEqual(['adapter-names-must-match', 'test-isolated-network', 'snapshots-deferred-during-test']);
    expect(codes('snapshot')).toContain('revert-loses-data');
    const duringTest = getAllowedActions(jobIn('full-server', 'test-failed-over')).failover.types;
    expect(duringTest.find((t) => t.type === 'live')!.warnings.map((w) => w.code)).toContain('test-undone-first');
    expect(duringTest.find((t) => t.type === 'test')).toMatchObject({ allowed: false });
  });

  it('names the services known not to stop', () => {
    const facts = jobFacts('full-server');
    const live = getAllowedActions({ ...facts, source: { ...facts.source, servicesThatCannotStop: ['AVGuard'] } }).failover.types[0]!;
    expect(live.warnings.find((w) => w.code === 'services-cannot-stop')!.message).toContain('AVGuard');
  });

  it('knows as unstoppable only the services failover tries to stop: not critical to Windows, whatever state they were last seen in', () => {
    const services = [
      { name: 'SyncSafe Replicate', isCritical: true, canStop: false, state: 'running' as const },
      { name: 'IIS', isCritical: false, canStop: true, state: 'running' as const },
      { name: 'AVGuard', isCritical: false, canStop: false, state: 'running' as const },
      { name: 'Backup Filter Driver', isCritical: false, canStop: false, state: 'stopped' as const },
    ];
    expect(servicesThatCannotStop(services)).toEqual(['AVGuard', 'Backup Filter Driver']);
    expect(servicesThatCannotStop([])).toEqual([]);
  });

  it('offers the restore options, destination defaults and both checklists', () => {
    const restore = getAllowedActions(jobFacts('files-and-folders', { state: 'failed-over', servers: { source: { ...SOURCE, addressKind: 'public_nat' }, target: TARGET, test: null } })).restore!;
    expect(restore.choices.map((c) => [c.label, c.allowed])).toEqual([
      ['Restore Data', true],
      ['Do Not Restore Data', false],
    ]);
    expect(restore.destination).toMatchObject({ defaultServerId: SOURCE.id, defaultPort: 6320, canOverridePort: true });
    expect(restore.checklists.map((c) => [c.order, c.isCurrent])).toEqual([
      ['restore-then-failback', false],
      ['failback-then-restore', false],
    ]);
    const items = restore.checklists[0]!.items;
    expect(items.find((i) => i.id === 'rtf-stop-applications')).toMatchObject({ verification: 'files-closed' });
    expect(items.find((i) => i.id === 'rtf-new-unique-address')).toMatchObject({ mayBeSkipped: true });
    expect(items.find((i) => i.id === 'rtf-update-source-address')).toMatchObject({ mayBeSkipped: true });

    const afterFailback = getAllowedActions(jobFacts('files-and-folders', { state: 'failed-back' })).restore!;
    expect(afterFailback.choices.every((c) => c.allowed)).toBe(true);
    expect(afterFailback.checklists.find((c) => c.isCurrent)?.order).toBe('failback-then-restore');
  });

  it('refuses a restore to the target itself and an impossible port', () => {
    const facts = jobFacts('files-and-folders', { state: 'failed-over' });
    expect(decide(facts, { command: 'restore', restoreData: true, serverId: TARGET.id })).toMatchObject({ field: 'serverId' });
    expect(decide(facts, { command: 'restore', restoreData: true, port: 70000 })).toMatchObject({ field: 'port' });
  });

  it('limits an edit by state', () => {
    expect(getAllowedActions(jobFacts('full-server')).edit.fields).toEqual(['name', 'options']);
    expect(getAllowedActions(jobIn('full-server', 'failed-over')).edit.fields).toEqual(['name']);
    expect(getAllowedActions(jobIn('full-server', 'failing-over')).edit.fields).toEqual([]);
    expect(decide(jobFacts('full-server'), { command: 'edit', fields: ['name', 'targetServerId'] })).toMatchObject({
      outcome: 'refused',
      field: 'targetServerId',
    });
  });

  it('describes Reverse: preconditions, phases and who holds which identity afterwards', () => {
    const reverse = getAllowedActions(jobIn('full-server', 'failed-over')).reverse!;
    expect(reverse.preconditions.every((p) => p.isMet)).toBe(true);
    expect(reverse.phases.map((p) => p.label)).toEqual(['Restoring', 'Synchronizing', 'Rebooting']);
    expect(reverse.outcome).toContain(`${SOURCE.name} has the target identity (${TARGET.name})`);
    expect(reverse.warnings[0]?.code).toBe('reverse-address-conflict');
  });
});

/** Every plan's steps carry args the agent protocol accepts, once the API adds what only it knows. */
describe('step plans speak the agent protocol', () => {
  const inputs: [JobType, Parameters<typeof jobIn>[1], JobCommandInput][] = [
    ['files-and-folders', 'protecting', { command: 'failover', type: 'live', queue: 'discard' }],
    ['files-and-folders', 'failed-over', { command: 'restore', restoreData: true }],
    ['files-and-folders', 'restored', { command: 'failback' }],
    ['files-and-folders', 'stopped', { command: 'start' }],
    ['files-and-folders', 'protecting', { command: 'stop' }],
    ['files-and-folders', 'protecting', { command: 'take-snapshot' }],
    ['full-server', 'test-failed-over', { command: 'failover', type: 'snapshot', queue: 'revert-if-bad', snapshotId: 'snap-1' }],
    ['full-server', 'protecting', { command: 'failover', type: 'test', queue: 'apply' }],
    ['full-server', 'test-failed-over', { command: 'undo-failover' }],
    ['full-server', 'failed-over', { command: 'reverse' }],
  ];
  const schemaOf = (command: string) => AgentStepCommandSchema.options.find((o) => o.shape.command.value === command)!;

  it.each(inputs)('%s %s: %j', (type, state, input) => {
    const decision = decide(jobIn(type, state), input);
    expect(decision.outcome).toBe('allowed');
    const steps: PlannedStep[] = decision.outcome === 'allowed' ? decision.operation!.steps : [];
    expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
    for (const step of steps) {
      const parsed = schemaOf(step.command).partial().safeParse({ command: step.command, ...step.args });
      expect(parsed.success, `${step.key}: ${JSON.stringify(step.args)}`).toBe(true);
      if (step.consumes) expect(steps.findIndex((s) => s.key === step.consumes)).toBeLessThan(steps.indexOf(step));
    }
  });
});
