import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkRoots } from '../../src/replication/tree-walk.ts';
import { ChangePlanner } from '../../src/source/change-planner.ts';
import { SourceIndex } from '../../src/source/source-index.ts';

const base = mkdtempSync(join(tmpdir(), 'syncsafe-planner-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function setUp(name: string) {
  const dir = join(base, name);
  mkdirSync(join(dir, 'docs'), { recursive: true });
  writeFileSync(join(dir, 'docs', 'a.txt'), 'a');
  const roots = [{ prefix: dir.slice(1), dir }];
  const index = new SourceIndex();
  index.replaceAll(walkRoots(roots));
  const rel = (p: string) => `${dir.slice(1)}/${p}`;
  return { dir, planner: new ChangePlanner(index, roots), index, rel };
}

function describeOps(ops: ReturnType<ChangePlanner['plan']>, prefix: string) {
  const strip = (p: string) => p.slice(prefix.length + 1);
  return ops.map((op) => {
    if (op.kind === 'rename') return `rename ${strip(op.fromPath)} -> ${strip(op.path)}`;
    if (op.kind === 'delete') return `delete ${strip(op.path)}`;
    if (op.kind === 'marker') return 'marker';
    return `${op.kind} ${strip(op.entry.path)}`;
  });
}

describe('change planner', () => {
  it('sends a renamed directory as one rename, not as new content', () => {
    const { dir, planner, rel } = setUp('rename');
    renameSync(join(dir, 'docs'), join(dir, 'papers'));
    expect(describeOps(planner.plan([rel('docs'), rel('papers')]), dir.slice(1))).toEqual(['rename docs -> papers']);
  });

  it('scans a new directory whole, so files created before its watch are sent', () => {
    const { dir, planner, rel } = setUp('mkdir-p');
    mkdirSync(join(dir, 'a/b/c'), { recursive: true });
    writeFileSync(join(dir, 'a/b/c/f.txt'), 'f');
    expect(describeOps(planner.plan([rel('a')]), dir.slice(1))).toEqual(['mkdir a', 'mkdir a/b', 'mkdir a/b/c', 'file a/b/c/f.txt']);
  });

  it('does not take a new file that reuses a deleted file inode for a rename', () => {
    const { dir, planner, rel } = setUp('inode-reuse');
    rmSync(join(dir, 'docs', 'a.txt'));
    writeFileSync(join(dir, 'docs', 'b.txt'), 'something else entirely');
    expect(describeOps(planner.plan([rel('docs/a.txt'), rel('docs/b.txt')]), dir.slice(1))).toEqual(['delete docs/a.txt', 'file docs/b.txt']);
  });

  it('sends nothing for a path that did not change, and a delete for one that vanished', () => {
    const { dir, planner, rel, index } = setUp('noop');
    expect(planner.plan([rel('docs/a.txt')])).toEqual([]);
    rmSync(join(dir, 'docs'), { recursive: true });
    expect(describeOps(planner.plan([rel('docs'), rel('docs/a.txt')]), dir.slice(1))).toEqual(['delete docs']);
    expect(index.has(rel('docs/a.txt'))).toBe(false);
  });
});
