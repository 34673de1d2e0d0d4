import type { AgentMirrorMode, AgentMirrorProgress } from '@syncsafe/contracts';

export function idleMirrorProgress(): AgentMirrorProgress {
  return {
    state: 'idle',
    mode: null,
    filesScanned: 0,
    filesTotal: 0,
    filesDone: 0,
    bytesTotal: 0,
    bytesDone: 0,
    percent: 0,
    bytesSent: 0,
    startedAt: null,
    finishedAt: null,
    error: null,
  };
}

export function startMirrorProgress(mode: AgentMirrorMode): AgentMirrorProgress {
  return { ...idleMirrorProgress(), state: 'mirroring', mode, startedAt: Date.now() };
}

/** Percent by bytes when there are bytes to send, else by files. */
export function percentOf(progress: AgentMirrorProgress): number {
  if (progress.state === 'completed') return 100;
  const ratio =
    progress.bytesTotal > 0
      ? progress.bytesDone / progress.bytesTotal
      : progress.filesTotal > 0
        ? progress.filesDone / progress.filesTotal
        : 0;
  return Math.min(100, Math.round(ratio * 1000) / 10);
}
