import watcher from '@parcel/watcher';

export interface WatchHandlers {
  onChange(absolutePath: string): void;
  /** Events may have been lost (e.g. the kernel queue overflowed): a reconciliation walk is due. */
  onLost(error: Error): void;
}

/**
 * Watches the protected directories recursively with @parcel/watcher (inotify on Linux). Node's own
 * recursive fs.watch misses events there; anything a watcher still misses (a directory created and
 * filled before its watch was added) is caught by the planner's scan of new directories and by the
 * periodic reconciliation.
 */
export class DirectoryWatcher {
  private subscriptions: watcher.AsyncSubscription[] = [];

  async start(directories: readonly string[], handlers: WatchHandlers): Promise<void> {
    for (const dir of directories) {
      const subscription = await watcher.subscribe(dir, (error, events) => {
        if (error) handlers.onLost(error);
        for (const event of events) handlers.onChange(event.path);
      });
      this.subscriptions.push(subscription);
    }
  }

  async stop(): Promise<void> {
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    await Promise.all(subscriptions.map((s) => s.unsubscribe()));
  }
}
