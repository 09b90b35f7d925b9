import type { Page } from '@playwright/test';

/** Options for LocalShelf.create in tests: the tiny fixture model, software WebGL allowed, no auto-training. */
export const TINY = {
  modelUrl: '/e2e/fixtures/tiny/',
  catalogUrl: '/e2e/fixtures/tiny/catalog.json',
  allowSoftwareWebgl: true,
  autoTrain: false as const,
};

/** Creates `window.shelf` on the harness page and waits until its model is loaded. */
export async function createShelf(
  page: Page,
  dbName: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await page.evaluate(
    async ({ options }) => {
      const shelf = await window.engine.LocalShelf.create(options as never);
      (window as unknown as { shelf: unknown }).shelf = shelf;
      await shelf.ready;
    },
    { options: { ...TINY, dbName, ...extra } },
  );
}
