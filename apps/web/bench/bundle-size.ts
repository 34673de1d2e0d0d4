import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Scripts index.html loads before anything renders (the entry and its modulepreloads). */
  initialFiles: string[];
  initialGzipBytes: number;
  initialRawBytes: number;
}

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The console's initial JS, as a browser fetches it for any page: what index.html references. */
export function measureInitialJs(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  return {
    initialFiles: files,
    initialGzipBytes: files.reduce((sum, f) => sum + gzipSize(join(distDir, f)), 0),
    initialRawBytes: files.reduce((sum, f) => sum + readFileSync(join(distDir, f)).length, 0),
  };
}

/** gzip size of the JS files a page actually loaded (by URL path under dist). */
export function gzipOf(distDir: string, paths: string[]): number {
  return paths.reduce((sum, p) => sum + gzipSize(join(distDir, p.replace(/^\//, ''))), 0);
}
