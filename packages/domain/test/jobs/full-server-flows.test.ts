import { describe, expect, it } from 'vitest';
import { getAllowedActions, roleServer } from '../../src/index.ts';
import { JobDriver } from '../support/job-driver.ts';
import { jobFacts, snapshot, SOURCE, TARGET } from '../support/job-facts.ts';

const stepsOf = (decision: { operation: { steps: { key: string; machine: string; command: string }[] } | null }) =>
  decision.operation!.steps.map((s) => `${s.machine}:${s.command}`);

/** What the API records when the test failover's snapshot step succeeds. */
const withTestSnapshot = (job: JobDriver) =>
  job.world({ snapshots: [...job.job.snapshots, snapshot({ id: 'snap-test', takenAt: '2026-11-22T10:00:00.000Z', isTestSnapshot: true })] });

describe('Full Server: test failover, then undo', () => {
  it('keeps protection running, defers snapshots until the test server is online, and deletes the test snapshot on undo', () => {
    const job = new JobDriver(jobFacts('full-server'));
    const test = job.command({ command: 'failover', type: 'test', queue: 'apply' });
    expect(job.state).toBe('test-failing-over');
    expect(stepsOf(test)).toEqual(['target:apply-queue', 'test:prepare-test-failover', 'target:start-test-failover', 'test:complete-test-failover']);
    expect(test.warnings.map((w) => w.code)).toEqual(['adapter-names-must-match', 'test-isolated-network', 'snapshots-deferred-during-test']);
    expect(job.refused({ command: 'take-snapshot', snapshotType: 'scheduled' }).reason).toContain('deferred');

    withTestSnapshot(job);
    job.succeed();
    expect(job.state).toBe('test-failed-over');
    expect(job.identities).toEqual({ source: SOURCE.id, target: TARGET.id });
    job.command({ command: 'take-snapshot', snapshotType: 'deferred' });
    job.succeed();
    expect(job.state).toBe('test-failed-over');

    expect(getAllowedActions(job.job).undoFailover).toMatchObject({ testSnapshot: { snapshotId: 'snap-test' }, testSnapshotOutcome: 'deleted' });
    const undo = job.command({ command: 'undo-failover' });
    expect(stepsOf(undo)).toEqual(['test:undo-failover', 'target:delete-snapshot']);
    job.succeed();
    expect(job.state).toBe('protecting');
  });

  it('keeps the test snapshot on undo when the settings say so', () => {
    const facts = jobFacts('full-server');
    const job = new JobDriver({ ...facts, options: { ...facts.options, keepTestSnapshotOnUndo: true } });
    job.command({ command: 'failover', type: 'test', queue: 'apply' });
    withTestSnapshot(job);
    job.succeed();
    expect(stepsOf(job.command({ command: 'undo-failover' }))).toEqual(['test:undo-failover']);
  });

  it('refuses a test failover without a test machine, and one that would discard the queue', () => {
    const job = new JobDriver(jobFacts('full-server', { servers: { source: SOURCE, target: TARGET, test: null } }));
    expect(job.refused({ command: 'failover', type: 'test', queue: 'apply' })).toMatchObject({ field: 'type' });
    const withMachine = new JobDriver(jobFacts('full-server'));
    expect(withMachine.refused({ command: 'failover', type: 'test', queue: 'discard' })).toMatchObject({ field: 'queue' });
    expect(withMachine.refused({ command: 'failover', type: 'test', queue: 'apply', leaveSourceRunning: true })).toMatchObject({
      field: 'leaveSourceRunning',
      reason: 'Leave source services running does not apply to test failover.',
    });
  });

  it('cleans up a test failover that failed part-way with Undo', () => {
    const job = new JobDriver(jobFacts('full-server'));
    job.command({ command: 'failover', type: 'test', queue: 'apply' });
    job.fail('adapter Network 2 not found on the test machine');
    expect(job.state).toBe('error');
    job.command({ command: 'undo-failover' });
    job.succeed();
    expect(job.state).toBe('protecting');
  });
});

describe('Full Server: test failover, then go live', () => {
  it('undoes the test first, then fails over live: the target takes the source identity and the target identity is gone', () => {
    const job = new JobDriver(jobFacts('full-server'));
    job.command({ command: 'failover', type: 'test', queue: 'apply' });
    withTestSnapshot(job);
    job.succeed();
    const live = job.command({ command: 'failover', type: 'live', queue: 'apply' });
    expect(stepsOf(live)).toEqual([
      'test:undo-failover',
      'target:delete-snapshot',
      'source:stop-services',
      'source:shut-down',
      'target:apply-queue',
      'target:failover-full-server',
    ]);
    expect(live.operation!.steps.find((s) => s.command === 'shut-down')?.isBestEffort).toBe(true);
    expect(live.warnings.map((w) => w.code)).toContain('test-undone-first');
    job.succeed();
    expect(job.state).toBe('failed-over');
    expect(job.identities).toEqual({ source: TARGET.id, target: null });
  });

  it('keeps the test snapshot when failing over to it', () => {
    const job = new JobDriver(jobFacts('full-server'));
    job.command({ command: 'failover', type: 'test', queue: 'apply' });
    withTestSnapshot(job);
    job.succeed();
    const toSnapshot = job.command({ command: 'failover', type: 'snapshot', queue: 'discard', snapshotId: 'snap-test' });
    expect(stepsOf(toSnapshot)).toEqual([
      'test:undo-failover',
      'source:stop-services',
      'source:shut-down',
      'target:discard-queue',
      'target:failover-full-server',
    ]);
    expect(toSnapshot.operation!.steps.at(-1)).toMatchObject({ args: { mode: 'snapshot', snapshotId: 'agent-snap-test', queue: 'discard' } });
  });
});

describe('Full Server: failover to a snapshot, with each target queue choice', () => {
  it.each(['apply', 'discard', 'revert-if-bad'] as const)('queue %s', (queue) => {
    const job = new JobDriver(jobFacts('full-server'));
    const decision = job.command({ command: 'failover', type: 'snapshot', queue, snapshotId: 'snap-1' });
    const commands = decision.operation!.steps.map((s) => s.command);
    expect(commands.at(-1)).toBe('failover-full-server');
    expect(commands.includes('discard-queue')).toBe(queue === 'discard');
    expect(commands.includes('apply-queue')).toBe(queue === 'apply');
    expect(decision.warnings.map((w) => w.code)).toContain('revert-loses-data');
    job.succeed();
    expect(job.state).toBe('failed-over');
  });

  it('with a bad target data state, Revert To Last Good Snapshot names the snapshot and what is lost', () => {
    const facts = jobFacts('full-server', {
      targetDataState: 'bad',
      snapshots: [snapshot({ id: 'good', takenAt: '2026-11-20T10:00:00.000Z' }), snapshot({ id: 'bad', takenAt: '2026-11-21T10:00:00.000Z', isGood: false })],
    });
    const revert = getAllowedActions(facts).failover.queue.find((q) => q.choice === 'revert-if-bad')!;
    expect(revert).toMatchObject({ allowed: true, revertTo: { snapshotId: 'good' } });
    expect(revert.warnings[0]).toMatchObject({ code: 'revert-loses-data', severity: 'danger' });
    const job = new JobDriver(facts);
    const live = job.command({ command: 'failover', type: 'live', queue: 'revert-if-bad' });
    expect(live.operation!.steps.at(-1)).toMatchObject({ command: 'failover-full-server', keepsReport: true, args: { queue: 'revert-if-bad' } });
  });

  it('refuses Revert To Last Good Snapshot when the data is bad and no snapshot is good', () => {
    const job = new JobDriver(jobFacts('full-server', { targetDataState: 'bad', snapshots: [snapshot({ id: 'bad', isGood: false })] }));
    expect(job.refused({ command: 'failover', type: 'live', queue: 'revert-if-bad' })).toMatchObject({ field: 'queue' });
  });

  it('is unavailable without snapshots, and needs a known snapshot', () => {
    const none = new JobDriver(jobFacts('full-server', { snapshots: [] }));
    expect(none.refused({ command: 'failover', type: 'snapshot', queue: 'apply', snapshotId: 'snap-1' })).toMatchObject({
      field: 'type',
      reason: 'This option is not available because there are no snapshots on the target',
    });
    const job = new JobDriver(jobFacts('full-server'));
    expect(job.refused({ command: 'failover', type: 'snapshot', queue: 'apply' })).toMatchObject({ field: 'snapshotId' });
    expect(job.refused({ command: 'failover', type: 'snapshot', queue: 'apply', snapshotId: 'nope' })).toMatchObject({ field: 'snapshotId' });
    expect(job.refused({ command: 'failover', type: 'live', queue: 'apply', snapshotId: 'snap-1' })).toMatchObject({ field: 'snapshotId' });
  });
});

describe('Full Server: live failover, reverse, failover, reverse back to the original machines', () => {
  it('moves the identities as the spec says at every step', () => {
    const job = new JobDriver(jobFacts('full-server'));
    expect(job.identities).toEqual({ source: SOURCE.id, target: TARGET.id });

    const live = job.command({ command: 'failover', type: 'live', queue: 'apply' });
    expect(live.warnings.map((w) => w.code)).not.toContain('license-loss');
    job.succeed();
    expect(job.identities).toEqual({ source: TARGET.id, target: null });

    const reverse = job.command({ command: 'reverse' });
    expect(reverse.operation!.steps.map((s) => [s.phase, s.machine, s.command])).toEqual([
      ['restoring', 'source', 'restore-identity'],
      ['synchronizing', 'target', 'start-protection'],
      ['synchronizing', 'target', 'mirror'],
      ['rebooting', 'source', 'reboot'],
    ]);
    expect(job.state).toBe('reversing');
    job.succeed();
    expect(job.state).toBe('protecting');
    expect(job.job.isReversed).toBe(true);
    // The source runs on the original target machine; the original source machine has the target identity.
    expect(job.identities).toEqual({ source: TARGET.id, target: SOURCE.id });
    expect(roleServer(job.job, 'source').id).toBe(TARGET.id);

    job.command({ command: 'failover', type: 'live', queue: 'apply' });
    job.succeed();
    // "Both servers will have the source identity": the original source machine answers as the source again.
    expect(job.identities).toEqual({ source: SOURCE.id, target: null });
    expect(getAllowedActions(job.job).reverse?.outcome).toContain('Back to the original identities');

    job.command({ command: 'reverse' });
    job.succeed();
    expect(job.job.isReversed).toBe(false);
    expect(job.identities).toEqual({ source: SOURCE.id, target: TARGET.id });
  });

  it('warns of the lost target license before a live failover without reverse protection', () => {
    const facts = jobFacts('full-server');
    const job = new JobDriver({ ...facts, options: { ...facts.options, hasReverseProtection: false } });
    const live = job.command({ command: 'failover', type: 'live', queue: 'apply' });
    expect(live.warnings[0]).toMatchObject({ code: 'license-loss', severity: 'danger', appliesTo: { option: 'type', value: 'live' } });
    expect(live.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['nlb', 'services-cannot-stop', 'software-devices', 'license-activation', 'reboot-prompt', 'driver-signing', 'target-identity-gone']),
    );
  });
});

describe('Full Server: Reverse preconditions and manual reversal', () => {
  const failedOver = jobFacts('full-server', { state: 'failed-over' });

  it.each([
    ['reverse protection off', { options: { ...failedOver.options, hasReverseProtection: false } }, 'Reverse protection was not enabled'],
    ['a domain controller', { source: { ...failedOver.source, isDomainController: true } }, 'domain controller'],
    ['the original source offline', { isOriginalSourceOnline: false }, 'must be online'],
    ['its production adapter down', { isProductionAdapterUp: false }, 'production network adapter'],
  ] as const)('refuses Reverse with %s', (_name, patch, reason) => {
    const job = new JobDriver({ ...failedOver, ...patch });
    const refused = job.refused({ command: 'reverse' });
    expect(refused).toMatchObject({ code: 'not-allowed-now' });
    expect(refused.reason).toContain(reason);
    const actions = getAllowedActions(job.job);
    expect(actions.reverse?.preconditions.some((p) => !p.isMet)).toBe(true);
  });

  it('guides the manual reversal: delete the job and create a new one', () => {
    const facts = { ...failedOver, options: { ...failedOver.options, hasReverseProtection: false }, source: { ...failedOver.source, hasNameSpecificApp: true } };
    const guide = getAllowedActions(facts).manualReversal!;
    expect(guide.isRequired).toBe(true);
    expect(guide.paths.map((p) => [p.id, p.allowed])).toEqual([
      ['keep-running', true],
      ['new-server', true],
      ['reuse-original', false],
    ]);
    expect(guide.paths[2]!.reason).toContain('Exchange');
    const job = new JobDriver(facts);
    expect(job.command({ command: 'delete' })).toMatchObject({ to: 'deleted', operation: null });
    expect(job.facts).toBeNull();
  });

  it('shows no manual reversal guide unless the job is failed over', () => {
    expect(getAllowedActions(jobFacts('full-server')).manualReversal).toBeNull();
  });
});

describe('Full Server: failover monitoring', () => {
  it('fails over automatically, undoing a running test first', () => {
    const facts = jobFacts('full-server');
    const job = new JobDriver({ ...facts, options: { ...facts.options, waitForUser: false } });
    job.command({ command: 'failover', type: 'test', queue: 'apply' });
    expect(job.event('condition-met')).toMatchObject({ outcome: 'ignored' });
    withTestSnapshot(job);
    job.succeed();
    const met = job.event('condition-met');
    expect(met.outcome === 'transition' && met.operation?.operation?.steps[0]?.command).toBe('undo-failover');
    expect(job.state).toBe('failing-over');
  });

  it('waits for the user: notifies during a test without stopping it', () => {
    const job = new JobDriver(jobFacts('full-server', { state: 'test-failed-over' }));
    expect(job.event('condition-met')).toMatchObject({ outcome: 'transition', to: 'test-failed-over', operation: null });
    expect(job.state).toBe('test-failed-over');
  });

  it('refuses a test failover once the condition is met', () => {
    const job = new JobDriver(jobFacts('full-server', { state: 'failover-condition-met' }));
    expect(job.refused({ command: 'failover', type: 'test', queue: 'apply' })).toMatchObject({ field: 'type' });
    job.command({ command: 'failover', type: 'live', queue: 'apply' });
    expect(job.state).toBe('failing-over');
  });
});

describe('Full Server: a real outage during a DR test', () => {
  function inTest(waitForUser: boolean) {
    const job = new JobDriver(jobFacts('full-server', { options: { ...jobFacts('full-server').options, waitForUser } }));
    job.command({ command: 'failover', type: 'test', queue: 'apply' });
    withTestSnapshot(job);
    job.succeed();
    expect(job.state).toBe('test-failed-over');
    return job;
  }

  it('with wait for user: notifies once while the test keeps running, then clears when the source answers', () => {
    const job = inTest(true);
    const met = job.event('condition-met');
    expect(met).toMatchObject({ outcome: 'transition', to: 'test-failed-over', effects: { isConditionMet: true }, notification: { kind: 'failover-condition-met' }, operation: null });
    expect(job.event('condition-met')).toMatchObject({ outcome: 'ignored', reason: expect.stringContaining('already met') });
    expect(job.event('condition-cleared')).toMatchObject({ outcome: 'transition', to: 'test-failed-over', effects: { isConditionMet: false }, notification: null });
    expect(job.event('condition-cleared')).toMatchObject({ outcome: 'ignored' });
  });

  it('without wait for user: the live failover undoes the test first, decided by the event itself', () => {
    const job = inTest(false);
    const met = job.event('condition-met');
    expect(met).toMatchObject({ outcome: 'transition', event: 'condition-met', to: 'failing-over', notification: { message: expect.stringContaining('automatic failover started') } });
    expect(met.outcome === 'transition' && met.operation && stepsOf(met.operation)[0]).toBe('test:undo-failover');
    expect(job.state).toBe('failing-over');
    job.succeed();
    expect(job.state).toBe('failed-over');
    expect(job.job.isConditionMet).toBe(false);
  });

  it('a stop while the condition stands ends it, so a later outage is raised afresh', () => {
    const job = new JobDriver(jobFacts('full-server'));
    job.event('condition-met');
    expect(job.state).toBe('failover-condition-met');
    job.command({ command: 'stop' });
    job.succeed();
    job.command({ command: 'start' });
    job.succeed();
    expect(job.state).toBe('protecting');
    expect(job.job.isConditionMet).toBe(false);
    expect(job.event('condition-met')).toMatchObject({ outcome: 'transition', to: 'failover-condition-met' });
  });
});
