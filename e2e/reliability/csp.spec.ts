import { PREVIEW_PORT } from '../../playwright.config.ts';
import { widgetBuild } from './support/widget.ts';
import { collectCspViolations, STRICT_POLICY, watchConsole } from './support/audit.ts';
import { shopJourney, widgetJourney } from './support/journeys.ts';
import { startSite, type Site } from './support/site.ts';
import { expect, test } from './support/report.ts';
import type { Page } from '@playwright/test';

/**
 * The demo shop (production build) and the widget under a strict Content-Security-Policy:
 * no 'unsafe-eval', no 'unsafe-inline'. 'wasm-unsafe-eval' is allowed: it lets WebAssembly
 * compile for the wasm backend and does not allow JavaScript eval. The policy comes as a
 * header on every response, so the engine's worker runs under it too.
 */

/**
 * Proves the policy is in force and the collector hears it: an inline script added to the
 * page must not run and must be reported. (page.evaluate itself is exempt from CSP.)
 * Called last, so the tests' own violation lists are read before it.
 */
const inlineScriptBlocked = (page: Page) =>
  page.evaluate(async () => {
    const w = window as unknown as { cspViolations: string[]; inlineRan?: boolean };
    const before = w.cspViolations.length;
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
    for (let i = 0; i < 100 && w.cspViolations.length === before; i++)
      await new Promise((r) => setTimeout(r, 20));
    return { ran: w.inlineRan === true, reported: w.cspViolations.slice(before) };
  });

test.describe('the built shop', () => {
  test.use({ baseURL: `http://127.0.0.1:${PREVIEW_PORT}` });

  test('the demo shop runs under a strict CSP with no violation', async ({ page, context, row }) => {
    row.fault(
      'P1',
      `Demo shop (production build) served with a strict CSP header: ${STRICT_POLICY}`,
      'Whole journey works (shelves, search, cart, checkout, Your data); 0 securitypolicyviolation events; 0 CSP console errors in page or worker',
    );
    test.setTimeout(150_000);
    await context.route(`http://127.0.0.1:${PREVIEW_PORT}/**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': STRICT_POLICY },
      });
    });
    await collectCspViolations(context);
    const log = watchConsole(page);
    await shopJourney(page);
    const state = await page.evaluate(() => {
      const s = (
        window as unknown as {
          localShelf: {
            getSnapshot(): {
              status: string;
              backend: { name: string; wasm: { threadsOff: string | null } | null } | null;
            };
          };
        }
      ).localShelf.getSnapshot();
      return { status: s.status, backend: s.backend?.name ?? null, wasm: s.backend?.wasm ?? null };
    });
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    const cspLines = [...log.csp];
    const probe = await inlineScriptBlocked(page);
    expect(probe.ran).toBe(false);
    expect(probe.reported.join()).toContain('script-src');
    expect(state.status).toBe('ready');
    // The preview server isolates the page (COOP/COEP) and the policy allows blob:: wasm threads are
    // allowed, and used on machines with four cores or more.
    expect(state.wasm?.threadsOff ?? null).not.toMatch(/isolated|helper thread|did not start/);
    expect(violations).toEqual([]);
    expect(cspLines).toEqual([]);
    expect(log.uncaught).toEqual([]);
    row.observe(
      `journey completed; engine ${state.status} on ${state.backend}; a probe inline script was blocked and reported, so the policy and the listener were live`,
    );
    row.observe(`${violations.length} violation events, ${cspLines.length} CSP console messages`);
  });
});

test.describe('the widget on a foreign site', () => {
  let site: Site;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    site = await startSite(widgetBuild());
  });
  test.afterAll(async () => site?.close());

  test('the widget runs under a strict CSP with no violation', async ({ page, context, row }) => {
    row.fault(
      'P2',
      'Widget (built bundle) on a foreign site whose every response carries the same strict CSP header',
      'Shelves render and tracking works; 0 securitypolicyviolation events; 0 CSP console errors in page or worker',
    );
    site.csp = STRICT_POLICY;
    await collectCspViolations(context);
    const log = watchConsole(page);
    const shown = await widgetJourney(page, site);
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    const cspLines = [...log.csp];
    const probe = await inlineScriptBlocked(page);
    expect(probe.ran).toBe(false);
    expect(probe.reported.join()).toContain('script-src');
    expect(shown).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(cspLines).toEqual([]);
    expect(log.uncaught).toEqual([]);
    row.observe(
      `trending shelf shows ${shown} items; view and add_to_cart tracked; a probe inline script was blocked and reported`,
    );
    row.observe(`${violations.length} violation events, ${cspLines.length} CSP console messages`);
  });
});
