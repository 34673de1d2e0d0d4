import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Every entry below a directory: type, permission bits, and sha256 of file content or link target. */
export function digestTree(root: string): Map<string, string> {
  const digest = new Map<string, string>();
  const visit = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const relative = prefix ? `${prefix}/${name}` : name;
      const st = lstatSync(path);
      const mode = (st.mode & 0o777).toString(8);
      if (st.isDirectory()) {
        digest.set(relative, `dir ${mode}`);
        visit(path, relative);
      } else if (st.isSymbolicLink()) {
        digest.set(relative, `link ${readlinkSync(path)}`);
      } else {
        digest.set(relative, `file ${mode} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
      }
    }
  };
  visit(root, '');
  return digest;
}

/** A cheap stand-in for the digest (no reads): path, type and size of every entry. */
export function shapeOf(root: string): string {
  const parts: string[] = [];
  const visit = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = lstatSync(path);
      parts.push(`${prefix}/${name}:${st.isDirectory() ? 'd' : st.isSymbolicLink() ? 'l' : st.size}`);
      if (st.isDirectory()) visit(path, `${prefix}/${name}`);
    }
  };
  try {
    visit(root, '');
  } catch {
    return 'unreadable';
  }
  return parts.join('\n');
}

/** Waits until two trees are identical (type, mode, content), polling the cheap shape first. */
export async function waitForIdenticalTrees(
  expectedRoot: string,
  actualRoot: string,
  waitFor: (check: () => boolean, options: { what: string; timeoutMs: number; intervalMs: number }) => Promise<unknown>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  try {
    await waitFor(
      () => shapeOf(expectedRoot) === shapeOf(actualRoot) && diffTrees(digestTree(expectedRoot), digestTree(actualRoot)).length === 0,
      { what, timeoutMs, intervalMs: 50 },
    );
  } catch (error) {
    const problems = diffTrees(digestTree(expectedRoot), digestTree(actualRoot));
    throw new Error(`${(error as Error).message}\n${problems.slice(0, 20).join('\n')}`);
  }
}

export function countEntries(root: string): number {
  let count = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      count++;
      if (entry.isDirectory()) visit(join(dir, entry.name));
    }
  };
  try {
    visit(root);
  } catch {
    return -1;
  }
  return count;
}

/** Differences between two digests, for readable assertion failures. */
export function diffTrees(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, value] of expected) {
    const other = actual.get(path);
    if (other === undefined) problems.push(`missing ${path}`);
    else if (other !== value) problems.push(`differs ${path}: ${value} != ${other}`);
  }
  for (const path of actual.keys()) if (!expected.has(path)) problems.push(`extra ${path}`);
  return problems;
}
