import { expect, test, type Page } from '@playwright/test';
import { createShelf } from './support/engine.ts';
import { openHarness, uniqueDbName } from './support/harness.ts';

async function mountPanel(page: Page): Promise<void> {
  await page.evaluate(() => {
    const panel = new window.devtools.LocalShelfDevtools(window.shelf, { refreshMs: 300 });
    const dock = document.createElement('div');
    dock.style.width = '900px';
    document.body.append(dock);
    panel.mount(dock);
    (window as unknown as { panel: unknown }).panel = panel;
  });
}

async function browse(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const start = Date.now() - 60 * 30_000;
    for (let i = 0; i < 24; i++) {
      const item = `t-${i % 2 === 0 ? '0' : '3'}${String(Math.floor(i / 2) % 11).padStart(2, '0')}`;
      await window.shelf.track({ kind: 'view', itemId: item, ts: start + i * 30_000 });
    }
  });
}

test.describe('the devtools panel', () => {
  test.beforeEach(async ({ page }, info) => {
    await openHarness(page);
    await createShelf(page, uniqueDbName(info.title));
    await browse(page);
    await mountPanel(page);
  });

  test('shows backend, memory, a live loss curve, the run with its verdict, the model and recommendations', async ({
    page,
  }) => {
    const panel = page.getByTestId('localshelf-devtools');
    await expect(panel.getByTestId('backend')).toHaveText('webgl');
    await expect(panel.getByText(/SwiftShader/)).toBeVisible();
    await expect(panel.getByTestId('num-tensors')).toHaveText(/^\d+$/);
    await page.screenshot({ path: 'e2e/screenshots/devtools-overview.png' });

    await panel.getByRole('tab', { name: 'Training' }).click();
    // Record how many loss points the chart shows at each step while the run goes.
    const pointsSeen = await page.evaluate(async () => {
      const seen: number[] = [];
      const root = document.querySelector('[data-testid="localshelf-devtools"]')!.shadowRoot!;
      const off = window.shelf.onAction((action) => {
        if (action.type === 'train-log' && action.log.type === 'step')
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              seen.push(Number(root.querySelector('svg')?.getAttribute('data-points') ?? 0)),
            ),
          );
      });
      await window.engine.untilDone(window.shelf.train('devtools test'));
      await new Promise((r) => setTimeout(r, 200));
      off();
      return seen;
    });
    expect(pointsSeen.length).toBeGreaterThan(2);
    expect(Math.max(...pointsSeen)).toBeGreaterThan(Math.min(...pointsSeen));
    await expect(panel.getByTestId('run-verdict').first()).toHaveText(/^(accepted|rejected): held-back/);
    await expect(panel.getByRole('table', { name: 'Training runs' })).toContainText('devtools test');
    await expect(panel.getByRole('table', { name: 'Training runs' })).toContainText('MRR');
    // The re-ranker's verdict, in words: 24 views and no shelf shown yet, so nothing to learn from.
    await expect(panel.getByTestId('reranker-verdict').first()).toHaveText(/^not run: 0 lists with a click/);
    await page.screenshot({ path: 'e2e/screenshots/devtools-training.png' });

    await panel.getByRole('tab', { name: 'Model' }).click();
    await expect(panel.getByRole('table', { name: 'Layers' })).toContainText('LocalShelfEncoder');
    await expect(panel.getByRole('table', { name: 'Personal weights' }).first()).toContainText('head/up');
    await expect(panel.getByTestId('reranker-state')).toHaveText(
      /^reranker-[0-9a-f]{8}, [\d,]+ parameters: the shipped weights$/,
    );

    await panel.getByRole('tab', { name: 'Recommendations' }).click();
    await expect(panel.getByRole('table', { name: 'for-you recommendations' })).toContainText(
      'Because you viewed',
    );
    await panel.getByRole('tab', { name: 'Events' }).click();
    await expect(panel.getByTestId('event-count')).toContainText('24 of 24');
    await page.screenshot({ path: 'e2e/screenshots/devtools-events.png' });
  });

  test('controls: cancel stops a run; reset returns to pretrained recommendations; switch backend', async ({
    page,
  }) => {
    const panel = page.getByTestId('localshelf-devtools');
    const pretrained = await page.evaluate(async () =>
      (await window.shelf.recommend({ kind: 'for-you', limit: 8 })).items.map((i) => i.itemId),
    );
    await panel.getByRole('tab', { name: 'Controls' }).click();

    // Press "Cancel training" as soon as the run's first step is logged.
    await page.evaluate(() => {
      const root = document.querySelector('[data-testid="localshelf-devtools"]')!.shadowRoot!;
      const off = window.shelf.onAction((action) => {
        if (action.type === 'train-log' && action.log.type === 'step') {
          off();
          [...root.querySelectorAll('button')].find((b) => b.textContent === 'Cancel training')!.click();
        }
      });
    });
    await panel.getByRole('button', { name: 'Train now' }).click();
    await expect(panel.getByTestId('control-output')).toHaveText('Skipped: training was cancelled', {
      timeout: 60_000,
    });
    expect(await page.evaluate(async () => (await window.shelf.runs()).length)).toBe(0);

    // A full run, then reset: recommendations are the pretrained ones again.
    let accepted = false;
    for (let attempt = 0; attempt < 2 && !accepted; attempt++) {
      await panel.getByRole('button', { name: 'Train now' }).click();
      await expect(panel.getByTestId('control-output')).toHaveText(/^Run finished: /, { timeout: 60_000 });
      accepted = (await panel.getByTestId('control-output').textContent())!.includes('accepted');
    }
    expect(accepted).toBe(true);
    const personal = await page.evaluate(async () =>
      (await window.shelf.recommend({ kind: 'for-you', limit: 8 })).items.map((i) => i.itemId),
    );
    expect(personal).not.toEqual(pretrained);
    await panel.getByRole('button', { name: 'Reset personal model' }).click();
    await expect(panel.getByTestId('control-output')).toHaveText(/Personal model reset/);
    const reset = await page.evaluate(async () =>
      (await window.shelf.recommend({ kind: 'for-you', limit: 8 })).items.map((i) => i.itemId),
    );
    expect(reset).toEqual(pretrained);

    await panel.getByRole('combobox', { name: 'Backend' }).selectOption('wasm');
    await panel.getByRole('button', { name: 'Switch backend' }).click();
    await expect(panel.getByTestId('control-output')).toHaveText('Now on wasm.', { timeout: 60_000 });
    expect(await page.evaluate(() => window.shelf.getSnapshot().backend?.name)).toBe('wasm');
    expect(
      await page.evaluate(async () =>
        (await window.shelf.recommend({ kind: 'for-you', limit: 8 })).items.map((i) => i.itemId),
      ),
    ).toEqual(pretrained);
    await page.screenshot({ path: 'e2e/screenshots/devtools-controls.png' });
  });

  test('a browser extension can find the engine through the window hook', async ({ page }) => {
    const seen = await page.evaluate(async () => {
      const hook = window.__LOCALSHELF_DEVTOOLS_HOOK__!;
      const actions: string[] = [];
      const off = hook.subscribe((_engine, action) => actions.push(action.type));
      await window.shelf.track({ kind: 'view', itemId: 't-100' });
      off();
      return { engines: hook.engines.size, version: hook.version, actions };
    });
    // The worker's request reports (worker-requests) arrive on their own schedule; the view is one transition.
    expect({ ...seen, actions: seen.actions.filter((a) => a !== 'worker-requests') }).toEqual({
      engines: 1,
      version: 1,
      actions: ['event-tracked'],
    });
  });
});
