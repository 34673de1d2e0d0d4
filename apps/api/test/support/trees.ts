import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, by relative path, with its content hash ({} if `dir` does not exist yet). */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  try {
    walk(dir);
  } catch {
    return {};
  }
  return out;
}

export const sameTree = (a: string, b: string) => JSON.stringify(treeHashes(a)) === JSON.stringify(treeHashes(b));
