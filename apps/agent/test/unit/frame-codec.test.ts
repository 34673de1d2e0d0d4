import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrameHeader, FrameDecoder, FrameError } from '../../src/replication/frame-codec.ts';

function encode(frames: Array<{ header: Record<string, unknown>; content: Buffer }>): Buffer {
  return Buffer.concat(frames.flatMap((f) => [encodeFrameHeader({ ...f.header, size: f.content.length }), f.content]));
}

describe('frame codec', () => {
  it('decodes the frames it encoded, however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string(), content: fc.uint8Array({ maxLength: 300 }) }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 10 }),
        (frames, cuts) => {
          const input = frames.map((f) => ({ header: { name: f.name }, content: Buffer.from(f.content) }));
          const bytes = encode(input);
          const decoder = new FrameDecoder();
          const out: Array<{ header: unknown; content: Buffer }> = [];
          for (let offset = 0, i = 0; offset < bytes.length; i++) {
            const size = cuts[i % cuts.length]!;
            decoder.push(bytes.subarray(offset, offset + size), (header, content) => out.push({ header, content: Buffer.from(content) }));
            offset += size;
          }
          expect(decoder.isAtBoundary()).toBe(true);
          expect(out).toEqual(input.map((f) => ({ header: { ...f.header, size: f.content.length }, content: f.content })));
        },
      ),
    );
  });

  it('knows when a stream stopped inside a frame', () => {
    const bytes = encode([{ header: { kind: 'x' }, content: Buffer.from('hello') }]);
    const decoder = new FrameDecoder();
    decoder.push(bytes.subarray(0, bytes.length - 2), () => undefined);
    expect(decoder.isAtBoundary()).toBe(false);
  });

  it('refuses oversized headers, content sizes and non-JSON headers', () => {
    const huge = Buffer.alloc(4);
    huge.writeUInt32BE(10 * 1024 * 1024);
    expect(() => new FrameDecoder().push(huge, () => undefined)).toThrow(FrameError);
    expect(() => new FrameDecoder().push(encodeFrameHeader({ size: 1e12 }), () => undefined)).toThrow(FrameError);
    const garbage = Buffer.concat([Buffer.from([0, 0, 0, 3]), Buffer.from('{{{')]);
    expect(() => new FrameDecoder().push(garbage, () => undefined)).toThrow(FrameError);
  });
});
