import type { BrowserContext, Page } from '@playwright/test';

/** Installs, before any page script runs, a collector of CSP violations reported to the document. */
export async function collectCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
}

/** Console lines from the page and its workers that report a CSP refusal, plus uncaught errors. */
export function watchConsole(page: Page): { csp: string[]; errors: string[]; uncaught: string[] } {
  const out = { csp: [] as string[], errors: [] as string[], uncaught: [] as string[] };
  const onText = (type: string, text: string) => {
    if (/Content Security Policy|Refused to/i.test(text)) out.csp.push(text);
    if (type === 'error') out.errors.push(text);
  };
  page.on('console', (m) => onText(m.type(), m.text()));
  page.on('worker', (w) => w.on('console', (m) => onText(m.type(), m.text())));
  page.on('pageerror', (e) => out.uncaught.push(e.message));
  return out;
}

export interface StorageAudit {
  databases: string[];
  localStorage: string[];
  sessionStorage: string[];
  cookie: string;
  caches: string[];
  /** Path (and query) of every entry in those caches: LocalShelf keeps only static files there. */
  cached: string[];
  serviceWorkers: number;
}

/** Everything the page's origin has stored: databases, web storage keys, cookies, caches, service workers. */
export async function auditStorage(page: Page): Promise<StorageAudit> {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name ?? '?').sort(),
    localStorage: Object.keys(localStorage).sort(),
    sessionStorage: Object.keys(sessionStorage).sort(),
    cookie: document.cookie,
    caches: 'caches' in window ? (await caches.keys()).sort() : [],
    cached:
      'caches' in window
        ? (
            await Promise.all(
              (await caches.keys()).map(async (name) =>
                (await (await caches.open(name)).keys()).map(
                  (r) => new URL(r.url).pathname + new URL(r.url).search,
                ),
              ),
            )
          )
            .flat()
            .sort()
        : [],
    serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
  }));
}

/**
 * A strict policy: no 'unsafe-eval', no 'unsafe-inline'; 'wasm-unsafe-eval' only lets WebAssembly compile.
 * `blob:` in script-src and worker-src lets tfjs's threaded wasm start its helper threads on a
 * cross-origin-isolated page (the built shop); without it the engine runs single-threaded.
 */
export const STRICT_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
