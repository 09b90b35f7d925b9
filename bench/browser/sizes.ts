import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).byteLength;

/**
 * What a shopper downloads before the shop can render: index.html and every script,
 * module preload and stylesheet it references (not lazy chunks, not the worker,
 * which starts in parallel).
 */
export function firstLoadBytes(outDir: string): {
  files: Record<string, number>;
  gzip: number;
  jsGzip: number;
} {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files: Record<string, number> = { 'index.html': gzipBytes(join(outDir, 'index.html')) };
  for (const ref of refs) files[ref] = gzipBytes(join(outDir, ref));
  const jsGzip = Object.entries(files)
    .filter(([f]) => f.endsWith('.js'))
    .reduce((s, [, b]) => s + b, 0);
  return { files, gzip: Object.values(files).reduce((a, b) => a + b, 0), jsGzip };
}

/** gzip sizes of every file under a folder, largest first (the worker, wasm binaries, ...). */
export function folderBytes(dir: string, pattern: RegExp): Record<string, number> {
  if (!existsSync(dir)) return {};
  const out: Record<string, number> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile() && pattern.test(name)) out[name] = gzipBytes(path);
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}
