import type { ColdItems } from './cold-items.ts';
import type { ModelMeta } from './model-card.ts';
import type { Catalog } from '../catalog/schema.ts';

/** A few ids for a message: `"a", "b", "c" and 12 more`. */
export function someIds(ids: readonly string[], shown = 3): string {
  const head = ids
    .slice(0, shown)
    .map((id) => JSON.stringify(id))
    .join(', ');
  return ids.length > shown ? `${head} and ${ids.length - shown} more` : head;
}

const name = (url: string | undefined) => (url ? `catalog ${url}` : 'the catalog');

/**
 * Throws when the model knows none of the catalog's ids: every shelf would come from content
 * guesses alone, which means the wrong model (or catalog) was deployed, not a working setup.
 */
export function checkModelKnowsCatalog(
  card: ModelMeta,
  catalog: Catalog,
  modelUrl: string,
  catalogUrl?: string,
): void {
  if (catalog.items.length === 0) return;
  const known = new Set(card.vocabulary);
  if (catalog.items.some((item) => known.has(item.id))) return;
  throw new Error(
    `the model at ${modelUrl} knows none of the ${catalog.items.length} items of ${name(catalogUrl)} ` +
      `(the model has ids like ${someIds(card.vocabulary)}, the catalog ${someIds(catalog.items.map((i) => i.id))}); ` +
      'expected a model pretrained on logs of this catalog: run npm run pretrain -- --data <your logs> --catalog <your catalog.json> --out <model folder> and deploy that folder',
  );
}

/** What the owner should know about how the model and the catalog fit, each saying what to do. */
export function catalogWarnings(
  card: ModelMeta,
  catalog: Catalog | null,
  cold: ColdItems,
  catalogUrl?: string,
): string[] {
  const warnings: string[] = [];
  if (!card.popularity)
    warnings.push(
      'the model card (meta.json) has no "popularity", so "trending" shelves and a newcomer\'s "for you" stay empty; ' +
        're-run npm run pretrain, which writes it',
    );
  if (!catalog) return warnings;
  const placed = cold.ids.length;
  if (placed > 0)
    warnings.push(
      `${placed} of the ${catalog.items.length} items of ${name(catalogUrl)} are not in the model (${someIds(cold.ids)}); ` +
        `they are recommended from their ${cold.method === 'content' ? 'title, category, brand, tags and price' : 'category, brand and tags (like the known items they share them with)'} ` +
        'until you pretrain again with npm run pretrain -- --catalog <your catalog.json>',
    );
  if (cold.unplaced.length > 0)
    warnings.push(
      `${cold.unplaced.length} items of ${name(catalogUrl)} are not in the model and share no category, brand or tag with a known item ` +
        `(${someIds(cold.unplaced)}); they are never recommended until you pretrain again with npm run pretrain -- --catalog <your catalog.json>`,
    );
  return warnings;
}
