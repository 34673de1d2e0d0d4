/**
 * A token bucket for everything this agent sends to other agents (the `limit-bandwidth` fault).
 * With no limit, `take` returns at once.
 */
export class BandwidthThrottle {
  private bytesPerSecond: number | null = null;
  private availableAt = 0;

  get limit(): number | null {
    return this.bytesPerSecond;
  }

  setLimit(bytesPerSecond: number | null): void {
    this.bytesPerSecond = bytesPerSecond;
    this.availableAt = 0;
  }

  async take(bytes: number): Promise<void> {
    const rate = this.bytesPerSecond;
    if (rate === null || bytes === 0) return;
    const now = Date.now();
    const start = Math.max(now, this.availableAt);
    this.availableAt = start + (bytes / rate) * 1000;
    const wait = this.availableAt - now;
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
