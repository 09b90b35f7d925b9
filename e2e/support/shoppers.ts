import type { Page } from '@playwright/test';
import type { LocalShelf } from '../../src/engine/index.ts';

declare global {
  interface Window {
    shelf: LocalShelf;
  }
}

/**
 * About forty events of one session on the tiny catalog (`window.shelf`): ten "for you"
 * shelves of six products (Camping and Books in turn), and on every one the shopper opens
 * the last product, looks at it and stays a while. The population the re-ranker was
 * pretrained on clicks near the top of a shelf (position bias); this shopper scrolls to the
 * end: a habit fine-tuning can learn. `start` fixes the times (two runs see the same data);
 * by default the session ends now.
 */
export async function scrollsToTheEnd(page: Page, rounds = 10, start?: number): Promise<void> {
  await page.evaluate(
    async ({ rounds, start }) => {
      let ts = start ?? Date.now() - rounds * 4 * 20_000;
      const at = () => (ts += 20_000);
      for (let round = 0; round < rounds; round++) {
        const department = round % 2 === 0 ? '0' : '3';
        const items = Array.from({ length: 6 }, (_, p) => ({
          itemId: `t-${department}${String((round * 5 + p * 2) % 11).padStart(2, '0')}`,
          position: p,
        }));
        const last = items[5]!.itemId;
        await window.shelf.track({ kind: 'impression', shelf: 'for-you', items, ts: at() });
        await window.shelf.track({ kind: 'click', itemId: last, shelf: 'for-you', position: 5, ts: at() });
        await window.shelf.track({ kind: 'view', itemId: last, ts: at() });
        await window.shelf.track({ kind: 'dwell', itemId: last, ms: 8000, ts: at() });
      }
    },
    { rounds, start },
  );
}
