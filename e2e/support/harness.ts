import type { Page } from '@playwright/test';
import type * as Engine from '../../src/engine/index.ts';
import type * as Devtools from '../../src/devtools/index.ts';

declare global {
  interface Window {
    engine: typeof Engine;
    devtools: typeof Devtools;
    engineReady?: boolean;
  }
}

/** Opens the engine harness page and waits until `window.engine` is there. */
export async function openHarness(page: Page): Promise<void> {
  await page.goto('/e2e/fixtures/engine.html');
  await page.waitForFunction(() => window.engineReady === true);
}

/** A database name no other test uses. */
export function uniqueDbName(testTitle: string): string {
  return `test-${testTitle.replace(/\W+/g, '-')}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
}
