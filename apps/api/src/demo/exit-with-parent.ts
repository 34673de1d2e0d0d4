/**
 * Preloaded into each demo agent (`node --import tsx --import <this file> apps/agent/src/main.ts …`), never
 * imported by the console: the agent ends with the console that started it, however the console ends.
 *
 * The console spawns the agent with an IPC channel. The operating system closes that channel when the
 * console's process ends for any reason (graceful close, crash, SIGKILL, OOM), and the agent then shuts
 * down exactly as on SIGTERM, forced out if that takes longer than 10 s. Without the channel (the agent
 * started by hand) this does nothing.
 */
if (process.channel) {
  process.once('disconnect', () => {
    setTimeout(() => process.exit(1), 10_000).unref();
    process.kill(process.pid, 'SIGTERM');
  });
  // Listening for 'disconnect' refs the channel; the agent's own server keeps it alive, not this.
  process.channel.unref();
}
