import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';

/**
 * The highest seq applied to the replica: on restart the queue resumes right after it. Ops that
 * must never be applied twice (a rename, a chunk, a commit) are recorded at once; the others,
 * which land the same however often they are applied, are recorded with the next `flush`.
 */
export class AppliedLog {
  private fd: number;
  private lastSeq: number;
  private recordedSeq: number;
  private lines = 0;

  constructor(private readonly file: string) {
    this.lastSeq = readLastSeq(file);
    this.recordedSeq = this.lastSeq;
    writeFileSync(file, `${this.lastSeq}\n`, { mode: 0o600 });
    this.fd = openSync(file, 'a');
  }

  get appliedThroughSeq(): number {
    return this.lastSeq;
  }

  record(seq: number, isRepeatable = false): void {
    if (seq <= this.lastSeq) return;
    this.lastSeq = seq;
    if (!isRepeatable) this.flush();
  }

  flush(): void {
    if (this.recordedSeq === this.lastSeq) return;
    this.recordedSeq = this.lastSeq;
    writeSync(this.fd, `${this.lastSeq}\n`);
    if (++this.lines >= 100_000) this.compact();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private compact(): void {
    closeSync(this.fd);
    writeFileSync(this.file, `${this.lastSeq}\n`, { mode: 0o600 });
    this.fd = openSync(this.file, 'a');
    this.lines = 0;
  }
}

function readLastSeq(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const lines = text.trimEnd().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const value = Number(lines[i]);
    if (Number.isSafeInteger(value) && value >= 0) return value;
  }
  return 0;
}
