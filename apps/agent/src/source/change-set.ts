/**
 * Paths changed on the source and not yet sent, coalesced (a path written 100 times is sent once,
 * with its latest content). Waiters are woken when work arrives.
 */
export class ChangeSet {
  private paths = new Set<string>();
  private wakers: Array<() => void> = [];

  get size(): number {
    return this.paths.size;
  }

  add(path: string): void {
    this.paths.add(path);
    this.wake();
  }

  /** Takes up to `limit` paths, sorted so that a directory comes before what it contains. */
  take(limit: number): string[] {
    const taken: string[] = [];
    for (const path of this.paths) {
      taken.push(path);
      if (taken.length >= limit) break;
    }
    for (const path of taken) this.paths.delete(path);
    return taken.sort();
  }

  clear(): void {
    this.paths.clear();
  }

  /** Resolves on the next `add` or `wake`. */
  waitForChange(): Promise<void> {
    return new Promise((resolve) => this.wakers.push(resolve));
  }

  wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const waker of wakers) waker();
  }
}
