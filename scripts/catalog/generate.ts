/**
 * Generates the demo store's catalog and thumbnails in memory from a seed.
 * Pure: no file access, so tests can run it and compare with the committed files.
 */
import type { Catalog, CatalogItem } from '../../src/engine/node.ts';
import { assignComplements, type ComplementCandidate } from './complements.ts';
import { drawPrice } from './price.ts';
import { createRng, hashString, type Rng } from './prng.ts';
import { renderThumbnail } from './svg.ts';
import { allLeaves, type LeafRef } from './taxonomy.ts';
import {
  bookDescription,
  bookTitle,
  disambiguate,
  productDescription,
  productTitle,
  tagsFor,
  type Draft,
} from './text.ts';
import { COLOURS, FIRST_NAMES, LAST_NAMES, STYLES, type Colour, type Style } from './words.ts';

export const DEFAULT_SEED = 20260101;
export const DEFAULT_TARGET = 2400;
export const CATALOG_VERSION = 'demo-1';

export interface CatalogOptions {
  /** PRNG seed. Default: DEFAULT_SEED. */
  seed?: number;
  /** Approximate number of products. Default: DEFAULT_TARGET. */
  target?: number;
}

export interface GeneratedCatalog {
  catalog: Catalog;
  /** SVG markup by item id. */
  images: Map<string, string>;
}

interface Product {
  draft: Draft;
  tier: 0 | 1 | 2;
  colourHex: string;
  item: Omit<CatalogItem, 'id' | 'image' | 'complements'>;
}

/** Splits `target` over leaves by weight with largest remainders, so totals are exact and stable. */
function leafCounts(refs: readonly LeafRef[], target: number): number[] {
  const total = refs.reduce((s, r) => s + r.leaf.weight, 0);
  const exact = refs.map((r) => (target * r.leaf.weight) / total);
  const counts = exact.map(Math.floor);
  let left = target - counts.reduce((s, n) => s + n, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

function lookup<T extends { name: string }>(
  list: readonly T[],
  names: readonly string[] | undefined,
  what: string,
): readonly T[] {
  if (!names) return list;
  return names.map((name) => {
    const found = list.find((entry) => entry.name === name);
    if (!found)
      throw new Error(`unknown ${what} "${name}"; expected one of ${list.map((e) => e.name).join(', ')}`);
    return found;
  });
}

function makeProduct(ref: LeafRef, rng: Rng, titles: Set<string>): Product {
  const { top, leaf } = ref;
  const brand = rng.pick(top.brands);
  const style: Style = rng.pick(lookup(STYLES, top.styles, 'style'));
  const colour: Colour = rng.pick(lookup(COLOURS, top.colours, 'colour'));
  const draft: Draft = {
    ref,
    brand: brand.name,
    style,
    colour: colour.name,
    material: rng.pick(leaf.materials),
    size: rng.pick(leaf.sizes),
    noun: rng.pick(leaf.nouns),
  };
  const attributes: Record<string, string> = {
    colour: draft.colour,
    material: draft.material,
    size: draft.size,
    style: style.name,
  };
  let title: string;
  let description: string;
  let tags: string[];
  if (top.titles === 'book') {
    const author = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    attributes.author = author;
    title = `${bookTitle(draft, rng)} by ${author}`;
    description = bookDescription(draft, author, rng);
    tags = tagsFor({ ...draft, noun: leaf.name }, [author]);
  } else {
    title = productTitle(draft, rng);
    description = productDescription(draft, rng);
    tags = tagsFor(draft);
  }
  while (titles.has(title)) title = disambiguate(title, rng);
  titles.add(title);
  return {
    draft,
    tier: brand.tier,
    colourHex: colour.hex,
    item: {
      title,
      category: [top.name, ref.mid.name, leaf.name],
      brand: brand.name,
      price: drawPrice(leaf.price, brand.tier, rng),
      currency: 'EUR',
      tags,
      description,
      inStock: rng.chance(0.95),
      attributes,
    },
  };
}

export function generateCatalog(options: CatalogOptions = {}): GeneratedCatalog {
  const seed = options.seed ?? DEFAULT_SEED;
  const target = options.target ?? DEFAULT_TARGET;
  const refs = allLeaves();
  const counts = leafCounts(refs, target);
  const titles = new Set<string>();
  const products: Product[] = [];
  refs.forEach((ref, i) => {
    // One stream per leaf: editing one leaf's words does not reshuffle the others.
    const rng = createRng(hashString(`${seed}:leaf:${ref.leaf.key}`));
    for (let n = 0; n < (counts[i] ?? 0); n++) products.push(makeProduct(ref, rng, titles));
  });

  // Ids are assigned after a shuffle so they carry no hint of the category.
  const ordered = createRng(hashString(`${seed}:order`)).sample(products, products.length);
  const width = Math.max(4, String(ordered.length).length);
  const ids = ordered.map((_, i) => `p-${String(i + 1).padStart(width, '0')}`);

  const candidates: ComplementCandidate[] = ordered.map((p, i) => ({
    id: ids[i] as string,
    leaf: p.draft.ref.leaf.key,
    brand: p.item.brand,
    style: p.draft.style.name,
    priceRank: 0,
  }));
  rankPrices(candidates, ordered);
  const rules = new Map(refs.map((r) => [r.leaf.key, r.leaf.complements]));
  const complements = assignComplements(candidates, rules, seed);

  const images = new Map<string, string>();
  const items: CatalogItem[] = ordered.map((p, i) => {
    const id = ids[i] as string;
    images.set(
      id,
      renderThumbnail({
        shape: p.draft.ref.leaf.shape,
        colour: p.colourHex,
        hue: p.draft.ref.top.hue,
        brand: p.item.brand,
      }),
    );
    const { attributes, ...rest } = p.item;
    return { id, ...rest, image: `images/${id}.svg`, attributes, complements: complements.get(id) ?? [] };
  });
  return { catalog: { version: CATALOG_VERSION, items }, images };
}

/** Fills priceRank: 0 for the cheapest item of its leaf, 1 for the dearest. */
function rankPrices(candidates: ComplementCandidate[], products: readonly Product[]): void {
  const byLeaf = new Map<string, number[]>();
  candidates.forEach((c, i) => byLeaf.set(c.leaf, [...(byLeaf.get(c.leaf) ?? []), i]));
  for (const indexes of byLeaf.values()) {
    const sorted = indexes
      .slice()
      .sort((a, b) => (products[a]?.item.price ?? 0) - (products[b]?.item.price ?? 0) || a - b);
    sorted.forEach((index, rank) => {
      const c = candidates[index];
      if (c) c.priceRank = sorted.length > 1 ? rank / (sorted.length - 1) : 0.5;
    });
  }
}
