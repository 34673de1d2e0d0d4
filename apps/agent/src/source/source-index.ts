import type { TreeEntry } from '../replication/tree-walk.ts';

/**
 * What the source believes the target holds, path by path: the state each path had when it was
 * last sent. A change is whatever differs from this index. Rebuilt by every mirror.
 */
export class SourceIndex {
  private entries = new Map<string, TreeEntry>();

  get size(): number {
    return this.entries.size;
  }

  get(path: string): TreeEntry | undefined {
    return this.entries.get(path);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  set(entry: TreeEntry): void {
    this.entries.set(entry.path, entry);
  }

  replaceAll(entries: Iterable<TreeEntry>): void {
    this.entries = new Map();
    for (const entry of entries) this.entries.set(entry.path, entry);
  }

  /** Removes a path and, for a directory, everything below it. */
  removeTree(path: string): void {
    const entry = this.entries.get(path);
    this.entries.delete(path);
    if (entry?.type !== 'dir') return;
    const prefix = `${path}/`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** Moves a path (and what is below it) to a new name, after a rename was sent. */
  moveTree(from: string, to: string, absoluteFrom: string, absoluteTo: string): void {
    const moved: TreeEntry[] = [];
    const prefix = `${from}/`;
    for (const [key, entry] of this.entries) {
      if (key === from || key.startsWith(prefix)) moved.push(entry);
    }
    for (const entry of moved) {
      this.entries.delete(entry.path);
      const suffix = entry.path.slice(from.length);
      this.entries.set(to + suffix, { ...entry, path: to + suffix, absolute: absoluteTo + entry.absolute.slice(absoluteFrom.length) });
    }
  }

  paths(): IterableIterator<string> {
    return this.entries.keys();
  }
}
