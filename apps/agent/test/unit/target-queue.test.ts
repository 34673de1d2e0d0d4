import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeFrameHeader } from '../../src/replication/frame-codec.ts';
import { TargetQueue } from '../../src/target/target-queue.ts';

const dir = mkdtempSync(join(tmpdir(), 'syncsafe-queue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function append(queue: TargetQueue, seq: number, text: string) {
  const content = Buffer.from(text);
  const header = { seq, capturedAt: 1000 + seq, kind: 'write-file', path: `f${seq}`, mode: 0o644, mtimeMs: 0, size: content.length };
  queue.append(encodeFrameHeader(header), content, { seq, kind: 'write-file', path: `f${seq}`, capturedAt: 1000 + seq });
}

describe('the target queue on disk', () => {
  it('recovers after a crash: applied ops are gone, a torn last frame is cut off', () => {
    const queueDir = join(dir, 'crash');
    const queue = new TargetQueue(queueDir);
    queue.recover(0);
    for (let seq = 1; seq <= 5; seq++) append(queue, seq, `content ${seq}`);
    queue.sync();
    const segment = join(queueDir, readdirSync(queueDir)[0]!);
    queue.close();
    appendFileSync(segment, encodeFrameHeader({ seq: 6, kind: 'write-file', size: 100 })); // the process died mid-append

    const recovered = new TargetQueue(queueDir);
    recovered.recover(2);
    expect(recovered.summaries().map((op) => op.seq)).toEqual([3, 4, 5]);
    const head = recovered.read(recovered.peek()!);
    expect(head.content.toString()).toBe('content 3');
    expect(head.header).toMatchObject({ seq: 3, path: 'f3' });
    append(recovered, 6, 'content 6');
    expect(recovered.summaries().map((op) => op.seq)).toEqual([3, 4, 5, 6]);
    recovered.close();
  });

  it('discards everything and says what it dropped, leaving no segment behind', () => {
    const queueDir = join(dir, 'discard');
    const queue = new TargetQueue(queueDir);
    queue.recover(0);
    for (let seq = 1; seq <= 3; seq++) append(queue, seq, 'x'.repeat(seq));
    const dropped = queue.discardAll();
    expect(dropped.map((op) => [op.seq, op.bytes])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(queue.length).toBe(0);
    expect(queue.bytes).toBe(0);
    expect(readdirSync(queueDir)).toEqual([]);
    queue.close();
  });
});
