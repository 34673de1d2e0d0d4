import type { AgentJobStatus, AgentSourceJobStatus, AgentTargetJobStatus } from '@syncsafe/contracts';
import { describe, expect, it } from 'vitest';
import { changedProgress, progressFrom, ProgressGate } from '../src/services/monitoring/job-progress.ts';

const JOB_ID = '00000000-0000-4000-8000-000000000001';

function sourceReport(overrides: Partial<AgentSourceJobStatus> = {}): AgentJobStatus {
  return {
    jobId: JOB_ID,
    type: 'files-and-folders',
    role: 'source',
    directories: ['/data'],
    createdAt: 1,
    source: {
      protection: 'replicating',
      mirror: {
        state: 'completed',
        mode: 'differences',
        filesScanned: 12,
        filesTotal: 10,
        filesDone: 10,
        bytesTotal: 2048,
        bytesDone: 2048,
        percent: 100,
        bytesSent: 2048,
        startedAt: 1,
        finishedAt: 2,
        error: null,
      },
      pendingPaths: 3,
      sentOps: 57,
      sentBytes: 9000,
      ackedSeq: 57,
      lastError: null,
      bandwidthLimitBytesPerSecond: null,
      ...overrides,
    },
    target: null,
    test: null,
  };
}

function targetReport(overrides: Partial<AgentTargetJobStatus> = {}): AgentJobStatus {
  return {
    jobId: JOB_ID,
    type: 'files-and-folders',
    role: 'target',
    directories: ['/data'],
    createdAt: 1,
    source: null,
    target: {
      status: 'replicating',
      replicaRoot: '/replica',
      isAccepting: true,
      queue: {
        ops: 4,
        bytes: 512,
        isApplyPaused: false,
        lagMs: 30,
        oldestCapturedAt: 1,
        appliedOps: 50,
        appliedBytes: 8000,
        receivedThroughSeq: 57,
        appliedThroughSeq: 53,
      },
      dataState: { state: 'good', reason: null, detail: null, since: 1 },
      refusals: [],
      refusalsTotal: 0,
      sourceIdentity: null,
      standIn: null,
      shares: [],
      failedOverAt: null,
      lastMirrorCompletedAt: 2,
      ...overrides,
    },
    test: null,
  };
}

describe('progressFrom', () => {
  it('takes the mirror status, what was sent, what waits to be sent and the transmit error from the source', () => {
    expect(progressFrom(sourceReport({ protection: 'retrying', lastError: 'connect ECONNREFUSED 10.0.0.2:6320' }))).toEqual({
      activity: 'retrying',
      mirrorStatus: 'completed',
      mirrorPercent: 100,
      mirrorFiles: 10,
      mirrorBytes: 2048n,
      sentOps: 57n,
      sentBytes: 9000n,
      pendingChanges: 3,
      transmitError: 'connect ECONNREFUSED 10.0.0.2:6320',
    });
  });

  it('reports no mirror percent while the source has never mirrored', () => {
    const report = sourceReport();
    report.source!.mirror = { ...report.source!.mirror, state: 'idle', percent: 0 };
    expect(progressFrom(report)).toMatchObject({ mirrorStatus: 'idle', mirrorPercent: null });
  });

  it('takes the Target Status word, the queue and why the data is bad from the target', () => {
    const report = targetReport({
      status: 'restore-required',
      dataState: { state: 'bad', reason: 'apply-failed', detail: 'write /data/a.txt: no space left on device', since: 3 },
    });
    expect(progressFrom(report)).toEqual({
      targetStatus: 'restore-required',
      queueBytes: 512n,
      queueOps: 4,
      lagMs: 30,
      targetDataState: 'bad',
      targetDataStateReason: 'apply-failed',
      targetDataStateDetail: 'write /data/a.txt: no space left on device',
    });
  });

  it('says nothing for a test machine', () => {
    expect(progressFrom({ ...targetReport(), role: 'test', target: null, test: { phase: 'online', replicaPath: '/test', adapterMapping: [] } })).toEqual({});
  });
});

describe('changedProgress', () => {
  it('keeps only the values that differ from the row, big integers compared by value', () => {
    const row = { sentOps: 57n, sentBytes: 9000n, pendingChanges: 3, transmitError: null, mirrorStatus: 'completed' };
    expect(changedProgress(row, { sentOps: 57n, sentBytes: 9100n, pendingChanges: 3, transmitError: null, mirrorStatus: 'completed' })).toEqual({ sentBytes: 9100n });
    expect(changedProgress(row, { sentOps: 57n, transmitError: null })).toBeNull();
  });
});

describe('ProgressGate', () => {
  const source = progressFrom(sourceReport());
  const target = progressFrom(targetReport());

  it('holds back a report that comes too soon and writes it, merged, with the next one', () => {
    const gate = new ProgressGate(500);
    expect(gate.offer(JOB_ID, source, 1000)).toEqual(source);
    gate.wrote(JOB_ID, 1000);
    // The target's report 200 ms after the source's write is not lost to the source's next one.
    expect(gate.offer(JOB_ID, target, 1200)).toBeNull();
    const later = { ...source, sentBytes: 9500n };
    expect(gate.offer(JOB_ID, later, 2000)).toEqual({ ...target, ...later });
  });

  it('names the jobs whose held-back report may be written once the wait is over', () => {
    const gate = new ProgressGate(500);
    gate.offer(JOB_ID, source, 1000);
    gate.wrote(JOB_ID, 1000);
    gate.offer(JOB_ID, target, 1100);
    expect(gate.due(1400)).toEqual([]);
    expect(gate.due(1500)).toEqual([JOB_ID]);
    expect(gate.offer(JOB_ID, {}, 1500)).toEqual(target);
    expect(gate.due(3000)).toEqual([]);
  });

  it('writes a change of Target Status or of the data state at once', () => {
    const gate = new ProgressGate(500);
    gate.offer(JOB_ID, target, 1000);
    gate.wrote(JOB_ID, 1000);
    expect(gate.offer(JOB_ID, { ...target, queueOps: 9 }, 1100)).toBeNull();
    const paused = progressFrom(targetReport({ status: 'paused' }));
    expect(gate.offer(JOB_ID, paused, 1200)).toEqual(paused);
    gate.wrote(JOB_ID, 1200);
    const bad = progressFrom(targetReport({ status: 'paused', dataState: { state: 'bad', reason: 'marked-bad', detail: 'marked bad', since: 5 } }));
    expect(gate.offer(JOB_ID, bad, 1300)).toEqual(bad);
  });

  it('drops a held-back data state older than the agent’s data-state event', () => {
    const gate = new ProgressGate(500);
    gate.offer(JOB_ID, source, 1000);
    gate.wrote(JOB_ID, 1000);
    gate.offer(JOB_ID, target, 1100);
    gate.dropHeldDataState(JOB_ID);
    const held = gate.offer(JOB_ID, {}, 1600);
    expect(held).toMatchObject({ targetStatus: 'replicating', queueOps: 4 });
    expect(held).not.toHaveProperty('targetDataState');
    expect(held).not.toHaveProperty('targetDataStateReason');
  });
});
