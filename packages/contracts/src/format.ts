// How sizes and durations read in the product's dialogs, shared by the domain (warnings, option
// texts) and the console. No zod here: the console's entry bundle imports this file alone.

/** "0 bytes", "512 bytes", "1.5 KB", "20 MB": sizes as the dialogs show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}

/** "under a second", "about 40 seconds", "about 3 minutes", "about 2 hours". */
export function formatDuration(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} second${Math.round(seconds) === 1 ? '' : 's'}`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} minutes`;
  const hours = Math.round(seconds / 3600);
  return `about ${hours} hour${hours === 1 ? '' : 's'}`;
}
