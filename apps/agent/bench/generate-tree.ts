import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TreeShape {
  largeFileBytes: number;
  smallFiles: number;
  smallFileBytes: number;
  filesPerDirectory: number;
}

/** The benchmark tree: one large file plus many small files spread over directories. */
export const BENCH_TREE: TreeShape = { largeFileBytes: 100 * 1024 * 1024, smallFiles: 20_000, smallFileBytes: 4096, filesPerDirectory: 100 };

export function smallFilePath(root: string, index: number, shape: TreeShape): string {
  return join(root, `d${Math.floor(index / shape.filesPerDirectory)}`, `f${index}.dat`);
}

export function generateTree(root: string, shape: TreeShape): number {
  mkdirSync(root, { recursive: true });
  const chunk = 8 * 1024 * 1024;
  const large = Buffer.allocUnsafe(shape.largeFileBytes);
  for (let offset = 0; offset < large.length; offset += chunk) randomBytes(Math.min(chunk, large.length - offset)).copy(large, offset);
  writeFileSync(join(root, 'large.bin'), large);
  for (let i = 0; i < shape.smallFiles; i++) {
    if (i % shape.filesPerDirectory === 0) mkdirSync(join(root, `d${i / shape.filesPerDirectory}`));
    writeFileSync(smallFilePath(root, i, shape), randomBytes(shape.smallFileBytes));
  }
  return shape.largeFileBytes + shape.smallFiles * shape.smallFileBytes;
}
