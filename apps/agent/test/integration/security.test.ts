import { existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AgentChannelEndpoint } from '@syncsafe/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentClient, AgentRequestError } from '@syncsafe/agent-client';
import { BandwidthThrottle } from '../../src/faults/bandwidth-throttle.ts';
import { ChannelClient } from '../../src/replication/channel-client.ts';
import { AgentFleet, PASSWORD, USERNAME, type AgentProcess } from '../support/agent-fleet.ts';

const fleet = new AgentFleet();
const protectedDir = '/srv/finance';
const prefix = 'srv/finance';
let seq = 0;
let jobCount = 0;

interface TargetJob {
  target: AgentProcess;
  jobId: string;
  endpoint: AgentChannelEndpoint;
  replicaRoot: string;
}

/** Each test has its own target agent and job: no test reads the replica or refusals another left behind. */
async function targetJob(): Promise<TargetJob> {
  const target = await fleet.start({ name: 'dr01' });
  const replicaRoot = join(fleet.tempDir('replica'), 'root');
  mkdirSync(replicaRoot);
  const jobId = `job-sec-${++jobCount}`;
  const { channel } = await target.client.setUpJob(jobId, { role: 'target', type: 'files-and-folders', directories: [protectedDir], replicaRoot });
  return { target, jobId, endpoint: target.endpoint(channel!), replicaRoot };
}

/** Pushes hand-made frames, as a compromised source could. */
async function push(to: AgentChannelEndpoint, frames: Array<{ header: Record<string, unknown>; content?: Buffer }>) {
  const client = new ChannelClient(to, { canSend: () => true, throttle: new BandwidthThrottle() });
  try {
    const batch = client.openBatch();
    for (const frame of frames) await batch.write({ seq: ++seq, capturedAt: Date.now(), ...frame.header }, frame.content);
    return await batch.finish();
  } finally {
    client.close();
  }
}

function writeFile(path: string, text: string) {
  const content = Buffer.from(text);
  return { header: { kind: 'write-file', path, mode: 0o644, mtimeMs: Date.now(), size: content.length }, content };
}

afterAll(() => fleet.cleanUp());

describe('paths from the network are never trusted', () => {
  it('refuses paths that climb out, are absolute, or lie outside the replicated folders', async () => {
    const { endpoint, replicaRoot } = await targetJob();
    const result = await push(endpoint, [
      writeFile(`${prefix}/../../escape.txt`, 'x'),
      writeFile('/etc/escape.txt', 'x'),
      writeFile('srv/other/escape.txt', 'x'),
      writeFile(`${prefix}/./dot.txt`, 'x'),
      writeFile(`${prefix}/ok.txt`, 'fine'),
    ]);
    expect(result.refusals.map((r) => r.path)).toEqual([
      `${prefix}/../../escape.txt`,
      '/etc/escape.txt',
      'srv/other/escape.txt',
      `${prefix}/./dot.txt`,
    ]);
    expect(readFileSync(join(replicaRoot, prefix, 'ok.txt'), 'utf8')).toBe('fine');
    expect(existsSync(join(replicaRoot, 'escape.txt'))).toBe(false);
    expect(existsSync(join(dirname(replicaRoot), 'escape.txt'))).toBe(false);
    expect(existsSync(join(replicaRoot, 'srv/other'))).toBe(false);
  });

  it('refuses symbolic links that point out, and writes through a linked directory', async () => {
    const { endpoint, replicaRoot } = await targetJob();
    const result = await push(endpoint, [
      { header: { kind: 'symlink', path: `${prefix}/etc`, linkTarget: '/etc' } },
      { header: { kind: 'symlink', path: `${prefix}/up`, linkTarget: '../../..' } },
      { header: { kind: 'mkdir', path: `${prefix}/real`, mode: 0o755, mtimeMs: Date.now() } },
      { header: { kind: 'symlink', path: `${prefix}/alias`, linkTarget: 'real' } },
      writeFile(`${prefix}/alias/through-link.txt`, 'x'),
    ]);
    expect(result.refusals.map((r) => [r.path, r.reason])).toEqual([
      [`${prefix}/etc`, 'symbolic link with an absolute target'],
      [`${prefix}/up`, 'symbolic link points outside the replicated folders'],
      [`${prefix}/alias/through-link.txt`, 'a parent directory is a symbolic link'],
    ]);
    expect(existsSync(join(replicaRoot, prefix, 'etc'))).toBe(false);
    expect(existsSync(join(replicaRoot, prefix, 'up'))).toBe(false);
    expect(lstatSync(join(replicaRoot, prefix, 'alias')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(replicaRoot, prefix, 'real', 'through-link.txt'))).toBe(false);
  });

  it('drops a link that a directory rename would make point out', async () => {
    const { endpoint, replicaRoot } = await targetJob();
    const result = await push(endpoint, [
      { header: { kind: 'mkdir', path: `${prefix}/a`, mode: 0o755, mtimeMs: Date.now() } },
      { header: { kind: 'mkdir', path: `${prefix}/a/b`, mode: 0o755, mtimeMs: Date.now() } },
      { header: { kind: 'symlink', path: `${prefix}/a/b/s`, linkTarget: '../../x' } },
      { header: { kind: 'rename', fromPath: `${prefix}/a/b`, path: `${prefix}/b` } },
    ]);
    expect(result.refusals.map((r) => r.path)).toEqual([`${prefix}/b/s`]);
    expect(existsSync(join(replicaRoot, prefix, 'b'))).toBe(true);
    expect(existsSync(join(replicaRoot, prefix, 'b', 's'))).toBe(false);
  });

  it('reports every refusal on the job', async () => {
    const { target, jobId, endpoint } = await targetJob();
    const first = await push(endpoint, [writeFile(`${prefix}/../../escape.txt`, 'x'), writeFile('/etc/escape.txt', 'x'), writeFile(`${prefix}/ok.txt`, 'fine')]);
    const second = await push(endpoint, [
      { header: { kind: 'mkdir', path: `${prefix}/a`, mode: 0o755, mtimeMs: Date.now() } },
      { header: { kind: 'mkdir', path: `${prefix}/a/b`, mode: 0o755, mtimeMs: Date.now() } },
      { header: { kind: 'symlink', path: `${prefix}/a/b/s`, linkTarget: '../../x' } },
      { header: { kind: 'rename', fromPath: `${prefix}/a/b`, path: `${prefix}/b` } },
    ]);
    expect([first.refusals.length, second.refusals.length]).toEqual([2, 1]);
    const job = await target.client.getJob(jobId);
    expect(job.target?.refusalsTotal).toBe(3);
    expect(job.target?.refusals.map((r) => r.path)).toEqual([`${prefix}/../../escape.txt`, '/etc/escape.txt', `${prefix}/b/s`]);
  });

  it('refuses a malformed frame with a 400 naming the field', async () => {
    const { endpoint } = await targetJob();
    await expect(push(endpoint, [{ header: { kind: 'write-file', path: 'x', mode: 'rwx', mtimeMs: 0, size: 0 } }])).rejects.toThrow(/400.*frame\.mode/);
  });
});

describe('credentials', () => {
  it('answers 401 to wrong or missing credentials, and health without any', async () => {
    const { target } = await targetJob();
    const wrong = new AgentClient({ address: '127.0.0.1', port: target.port, username: USERNAME, password: 'wrong' });
    await expect(wrong.info()).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    const stranger = new AgentClient({ address: '127.0.0.1', port: target.port, username: 'admin', password: PASSWORD });
    await expect(stranger.listJobs()).rejects.toMatchObject({ status: 401 });
    await expect(wrong.postStep('credentials-reboot', { command: 'reboot' })).rejects.toMatchObject({ status: 401 });
    const bare = await fetch(`http://127.0.0.1:${target.port}/v1/info`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toContain('Basic');
    expect((await wrong.health()).status).toBe('ok');
  });

  it('answers 401 to a wrong channel token, and to a token of another channel', async () => {
    const { endpoint, replicaRoot } = await targetJob();
    await expect(push({ ...endpoint, token: 'x'.repeat(43) }, [writeFile(`${prefix}/t.txt`, 'x')])).rejects.toThrow(/401/);
    await expect(push({ ...endpoint, channelId: 'ch-other' }, [writeFile(`${prefix}/t.txt`, 'x')])).rejects.toThrow(/401/);
    expect(existsSync(join(replicaRoot, prefix, 't.txt'))).toBe(false);
  });

  it('answers 400 naming the bad field', async () => {
    const { target, replicaRoot } = await targetJob();
    const error = await target.client
      .setUpJob('job-bad', { role: 'target', type: 'files-and-folders', directories: ['relative/dir'], replicaRoot })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentRequestError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', details: [{ field: 'body.directories.0' }] });
    await expect(target.client.postStep('bad/step', { command: 'reboot' })).rejects.toMatchObject({ status: 400 });
    await expect(target.client.postStep('bad-field-command', { command: 'no-such-command' } as never)).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('body.command'),
    });
  });
});
