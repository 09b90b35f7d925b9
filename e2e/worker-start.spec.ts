import { expect, test } from '@playwright/test';
import { TINY } from './support/engine.ts';
import { openHarness, uniqueDbName } from './support/harness.ts';

/** The worker script's URL, built (worker-<hash>.js) or from the dev server (worker.ts?worker_file). */
const WORKER_SCRIPT = String.raw`\/worker(?:-[\w-]+)?\.(?:js|ts)(?:\?|$)`;

test.describe("when the engine's worker starts", () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  test("'when-needed': nothing starts with create; the first call that needs the model starts it and is answered", async ({
    page,
  }, info) => {
    const result = await page.evaluate(
      async ({ options, pattern }) => {
        const scripts = () =>
          performance
            .getEntriesByType('resource')
            .filter((e) => new RegExp(pattern).test(e.name))
            .map((e) => e.startTime);
        const shelf = await window.engine.LocalShelf.create({ ...options, startWorker: 'when-needed' });
        const createdAt = performance.now();
        const similar = await shelf.recommend({ kind: 'similar', itemId: 't-001', limit: 4 });
        const status = shelf.getSnapshot().status;
        const started = scripts();
        shelf.close();
        return { createdAt, started, status, items: similar.items.length };
      },
      { options: { ...TINY, dbName: uniqueDbName(info.title) }, pattern: WORKER_SCRIPT },
    );
    expect(result.started).toHaveLength(1);
    expect(result.started[0]!).toBeGreaterThan(result.createdAt);
    expect(result.status).toBe('ready');
    expect(result.items).toBe(4);
  });

  test("'when-needed' with nothing asking: the worker starts on its own and the model loads", async ({
    page,
  }, info) => {
    const result = await page.evaluate(
      async ({ options, pattern }) => {
        const shelf = await window.engine.LocalShelf.create({ ...options, startWorker: 'when-needed' });
        await shelf.ready;
        const status = shelf.getSnapshot().status;
        const scripts = performance
          .getEntriesByType('resource')
          .filter((e) => new RegExp(pattern).test(e.name));
        shelf.close();
        return { status, scripts: scripts.length };
      },
      { options: { ...TINY, dbName: uniqueDbName(info.title) }, pattern: WORKER_SCRIPT },
    );
    expect(result).toEqual({ status: 'ready', scripts: 1 });
  });

  test('a bad startWorker value is refused by name, before anything is stored', async ({ page }, info) => {
    const message = await page.evaluate(
      async (options) =>
        window.engine.LocalShelf.create({ ...options, startWorker: 'later' } as never).then(
          () => 'created',
          (e: Error) => `${e.name}: ${e.message}`,
        ),
      { ...TINY, dbName: uniqueDbName(info.title) },
    );
    expect(message).toBe(`TypeError: startWorker is "later"; expected 'at-once' or 'when-needed'`);
  });
});
