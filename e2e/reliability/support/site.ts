import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * A foreign site for the widget: e2e/fixtures/reliability/widget/ at the root (its page,
 * script and picture), the built widget under /vendor/localshelf/, the tiny model under
 * /model/, its catalog and picture under /data/. Optionally sends a Content-Security-Policy
 * header on every response (so the worker gets it too). Records every request it sees.
 */
const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

export interface Site {
  origin: string;
  /** Method, path and body size of every request, in order. */
  requests: { method: string; path: string; bodyBytes: number }[];
  /** Sent with every response when set. */
  csp: string | null;
  close(): Promise<void>;
}

export async function startSite(widgetDir: string): Promise<Site> {
  const mounts: [string, string][] = [
    ['/vendor/localshelf/', widgetDir],
    ['/model/', join(FIXTURES, 'tiny')],
    ['/data/images/', join(FIXTURES, 'reliability/widget/images')],
    ['/data/catalog.json', join(FIXTURES, 'tiny/catalog.json')],
    ['/', join(FIXTURES, 'reliability/widget')],
  ];
  const site: Site = { origin: '', requests: [], csp: null, close: async () => {} };
  const server = createServer((req, res) => {
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      site.requests.push({ method: req.method ?? '?', path, bodyBytes });
      const mount = mounts.find(([prefix]) => path === prefix || path.startsWith(prefix));
      let file: string | null = null;
      if (mount) {
        const [prefix, dir] = mount;
        const rest = path === prefix ? '' : path.slice(prefix.length);
        const candidate = normalize(join(dir, rest || (prefix.endsWith('/') ? 'index.html' : '')));
        if (
          candidate === dir ||
          candidate.startsWith(dir.endsWith(sep) ? dir : dir + sep) ||
          !prefix.endsWith('/')
        )
          file = candidate;
      }
      const headers: Record<string, string> = {};
      if (site.csp) headers['content-security-policy'] = site.csp;
      try {
        if (!file || !statSync(file).isFile()) throw new Error('not found');
        headers['content-type'] = TYPES[extname(file)] ?? 'application/octet-stream';
        res.writeHead(200, headers).end(readFileSync(file));
      } catch {
        res.writeHead(404, headers).end('Not Found');
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  site.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.close = () => new Promise<void>((done) => server.close(() => done()));
  return site;
}
