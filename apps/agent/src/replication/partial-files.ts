import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentPartialFile } from '@syncsafe/contracts';

interface PartialMeta {
  path: string;
  fileSize: number;
  fileMtimeMs: number;
}

/**
 * Large files arrive in chunks into a partial file kept outside the replicated folders; the commit
 * moves it into place. Partial files survive restarts, so an interrupted mirror resumes at `bytes`.
 */
export class PartialFiles {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  private fileFor(path: string): string {
    return join(this.dir, createHash('sha256').update(path).digest('hex').slice(0, 40));
  }

  /** Writes one chunk; a chunk at offset 0 (re)starts the file, any other must continue it exactly. */
  writeChunk(path: string, offset: number, fileSize: number, fileMtimeMs: number, content: Buffer): void {
    const file = this.fileFor(path);
    if (offset === 0) {
      writeFileSync(`${file}.json`, JSON.stringify({ path, fileSize, fileMtimeMs } satisfies PartialMeta));
      const fd = openSync(file, 'w', 0o600);
      try {
        writeSync(fd, content, 0, content.length, 0);
      } finally {
        closeSync(fd);
      }
      return;
    }
    const meta = this.readMeta(file);
    if (!meta || meta.fileSize !== fileSize || meta.fileMtimeMs !== fileMtimeMs) {
      throw new Error(`no partial file to continue for ${path}`);
    }
    const fd = openSync(file, 'r+');
    try {
      const have = fstatSync(fd).size;
      if (have < offset) throw new Error(`partial file for ${path} has ${have} bytes, chunk starts at ${offset}`);
      writeSync(fd, content, 0, content.length, offset);
    } finally {
      closeSync(fd);
    }
  }

  /** The completed partial file for a commit, or null when there is none (already committed). */
  takeComplete(path: string, fileSize: number): string | null {
    const file = this.fileFor(path);
    if (!existsSync(file)) return null;
    if (statSync(file).size !== fileSize) throw new Error(`partial file for ${path} is incomplete`);
    return file;
  }

  forget(path: string): void {
    const file = this.fileFor(path);
    rmSync(file, { force: true });
    rmSync(`${file}.json`, { force: true });
  }

  list(): AgentPartialFile[] {
    const partials: AgentPartialFile[] = [];
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.json')) continue;
      const file = join(this.dir, name.slice(0, -5));
      const meta = this.readMeta(file);
      if (!meta || !existsSync(file)) continue;
      partials.push({ path: meta.path, bytes: statSync(file).size, fileSize: meta.fileSize, fileMtimeMs: meta.fileMtimeMs });
    }
    return partials;
  }

  clear(): void {
    for (const name of readdirSync(this.dir)) unlinkSync(join(this.dir, name));
  }

  private readMeta(file: string): PartialMeta | null {
    try {
      return JSON.parse(readFileSync(`${file}.json`, 'utf8')) as PartialMeta;
    } catch {
      return null;
    }
  }
}
