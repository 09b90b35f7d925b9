/** Build settings the shop (vite.config.ts) and the widget (vite.widget.config.ts) share. */

/**
 * The engine's worker bundle is not mangled or compressed. tfjs's threaded wasm starts
 * its helper threads from `factory.toString()` in blob: workers, so the factory's source
 * must run on its own: mangling renames the closure variables it reads, and compression
 * drops the `typeof` guards around them, and every helper thread then dies at start-up.
 * Whitespace is still removed; it costs ~74 KB gzip on a ~307 KB worker.
 */
export const WORKER_OUTPUT = { minify: { mangle: false, compress: false } } as const;

/**
 * Cross-origin isolation (COOP + COEP) gives the page SharedArrayBuffer, which the
 * threaded wasm backend needs. Everything the shop loads is its own, so `require-corp`
 * costs nothing; CORP `cross-origin` lets another site's isolated page embed these files
 * (the widget's worker and wasm).
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};
