import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PathRefusedError, ReplicaPaths, splitReplicaPath } from '../../src/replication/replica-paths.ts';

const root = mkdtempSync(join(tmpdir(), 'syncsafe-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('replica paths', () => {
  const paths = new ReplicaPaths([{ prefix: 'srv/data', dir: join(root, 'srv/data') }]);

  it.each([
    ['', 'empty path'],
    ['/etc/passwd', 'absolute path'],
    ['srv/data/../x', 'path climbs out with ".."'],
    ['srv//data', 'path is not normalised'],
    ['srv/data/./x', 'path is not normalised'],
    ['srv/data/a\0b', 'path contains NUL'],
  ])('refuses %j (%s)', (path, reason) => {
    expect(() => splitReplicaPath(path)).toThrow(new PathRefusedError(path, reason));
  });

  it('refuses paths outside every replicated folder, including look-alike prefixes', () => {
    expect(() => paths.resolve('srv/database/x')).toThrow(/outside the replicated folders/);
    expect(() => paths.resolve('srv')).toThrow(/outside the replicated folders/);
    expect(paths.resolve('srv/data/x/y').absolute).toBe(join(root, 'srv/data/x/y'));
    expect(paths.resolve('srv/data').absolute).toBe(join(root, 'srv/data'));
  });

  it('refuses link targets that are absolute or climb above the folder', () => {
    const at = paths.resolve('srv/data/a/link');
    expect(() => paths.checkLinkTarget(at, '/etc')).toThrow(/absolute target/);
    expect(() => paths.checkLinkTarget(at, '../../x')).toThrow(/points outside/);
    expect(() => paths.checkLinkTarget(at, '../b/c')).not.toThrow();
  });

  it('refuses to go through a directory that is a symbolic link', () => {
    mkdirSync(join(root, 'srv/data/real'), { recursive: true });
    symlinkSync(tmpdir(), join(root, 'srv/data/linked'));
    expect(() => paths.checkParents(paths.resolve('srv/data/linked/x'), true)).toThrow(/symbolic link/);
    expect(() => paths.checkParents(paths.resolve('srv/data/real/new/x'), true)).not.toThrow();
  });
});
