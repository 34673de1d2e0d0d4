import { copyFileSync, renameSync, unlinkSync } from 'node:fs';

/** Renames, or copies then unlinks when the two paths are on different file systems. */
export function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to);
    unlinkSync(from);
  }
}
