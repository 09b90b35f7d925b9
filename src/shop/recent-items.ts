import type { CatalogItem, LocalShelf, SequenceStep } from '../engine/index.ts';
import { readAtLoad, takeAtLoad } from './load-reads.ts';

const RECENT_STEPS = 'recent item steps';
/** Steps read to find the recently viewed items; enough for eight distinct ones. */
const STEPS_READ = 200;
const SHOWN = 8;

/** The shopper's latest steps, newest last (what the home page's "recently viewed" is built from). */
export function readRecentSteps(engine: LocalShelf): Promise<SequenceStep[]> {
  return engine.events.itemSequence(STEPS_READ);
}

/** Starts the page load's read of the latest steps (load-reads.ts). */
export function readRecentAtLoad(engine: LocalShelf): Promise<void> {
  return readAtLoad(engine, RECENT_STEPS, () => readRecentSteps(engine));
}

/** The latest distinct items the catalog still has, newest first. */
export function recentItems(
  steps: readonly SequenceStep[],
  items: ReadonlyMap<string, CatalogItem>,
): string[] {
  const ids: string[] = [];
  for (let i = steps.length - 1; i >= 0 && ids.length < SHOWN; i--) {
    const id = steps[i]!.itemId;
    if (!ids.includes(id) && items.has(id)) ids.push(id);
  }
  return ids;
}

/** For the page load's first page: the recent items as the load read them; null if not read ahead. */
export function recentItemsAtLoad(
  engine: LocalShelf,
  items: ReadonlyMap<string, CatalogItem>,
): string[] | null {
  const steps = takeAtLoad<SequenceStep[]>(engine, RECENT_STEPS);
  return steps ? recentItems(steps, items) : null;
}
