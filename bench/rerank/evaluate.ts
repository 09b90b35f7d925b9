/** One new shopper through every ranker of BENCHMARKS.md §4, clickout by clickout. */
import {
  type ShopEvent,
  clickedRank,
  fineTuneReranker,
  labelledLists,
  type FineTuneRerankerOptions,
  type PopulationOf,
  type Reranker,
} from '../../src/engine/node.ts';

export const RANKERS = ['site-order', 'interacted-first', 'pretrained', 'finetuned', 'guarded'] as const;
export type RankerName = (typeof RANKERS)[number];

export interface ClickoutResult {
  earlierClickouts: number;
  ranks: Record<RankerName, number>;
}

export interface ShopperResult {
  clickouts: ClickoutResult[];
  fineTuneRuns: number;
  fineTuneAccepted: number;
  fineTuneMs: number[];
  fineTuneSteps: number[];
  rerankMs: number[];
}

/**
 * "Items this shopper interacted with earlier, most recent first, then the site's order":
 * the challenge's strong rule, computed apart from the re-ranker's features.
 */
export function interactedFirstScores(events: readonly ShopEvent[]): Map<number, Float32Array> {
  const lastTouch = new Map<string, number>();
  const out = new Map<number, Float32Array>();
  let counter = 1;
  events.forEach((e, index) => {
    if (e.kind === 'impression') {
      out.set(
        index,
        Float32Array.from(e.items, (item, i) =>
          lastTouch.has(item.itemId) ? 1e6 + lastTouch.get(item.itemId)! : -i,
        ),
      );
    } else if (e.kind === 'search') for (const id of e.itemIds ?? []) lastTouch.set(id, counter++);
    else if ('itemId' in e) lastTouch.set(e.itemId, counter++);
  });
  return out;
}

export async function evaluateShopper(
  events: readonly ShopEvent[],
  shipped: Reranker,
  population: PopulationOf,
  fineTune: Partial<FineTuneRerankerOptions>,
): Promise<ShopperResult> {
  const started = performance.now();
  const { lists } = labelledLists(events, { population, globalClickRate: shipped.card.population.clickRate });
  const featurizeMsPerList = (performance.now() - started) / Math.max(1, lists.length);
  const interacted = [...interactedFirstScores(events).values()];
  const result: ShopperResult = {
    clickouts: [],
    fineTuneRuns: 0,
    fineTuneAccepted: 0,
    fineTuneMs: [],
    fineTuneSteps: [],
    rerankMs: [],
  };
  let earlier = 0;
  for (let j = 0; j < lists.length; j++) {
    const l = lists[j]!;
    if (!l.labels.some((y) => y > 0)) continue;
    const t0 = performance.now();
    const pretrained = await shipped.predict(l.features);
    result.rerankMs.push(featurizeMsPerList + performance.now() - t0);
    let finetuned = pretrained;
    let guarded = pretrained;
    const tuning = await fineTuneReranker(shipped, lists.slice(0, j), { ...fineTune, keepLast: true });
    if (tuning.run.trainRows > 0) {
      result.fineTuneRuns++;
      result.fineTuneMs.push(tuning.run.ms);
      result.fineTuneSteps.push(tuning.run.steps);
    }
    if (tuning.last) {
      finetuned = await tuning.last.predict(l.features);
      tuning.last.dispose();
    }
    if (tuning.tuned) {
      result.fineTuneAccepted++;
      guarded = await tuning.tuned.predict(l.features);
      tuning.tuned.dispose();
    }
    const site = Float32Array.from(l.labels, (_, i) => -i);
    result.clickouts.push({
      earlierClickouts: earlier,
      ranks: {
        'site-order': clickedRank(site, l.labels)!,
        'interacted-first': clickedRank(interacted[j]!, l.labels)!,
        pretrained: clickedRank(pretrained, l.labels)!,
        finetuned: clickedRank(finetuned, l.labels)!,
        guarded: clickedRank(guarded, l.labels)!,
      },
    });
    earlier++;
  }
  return result;
}
