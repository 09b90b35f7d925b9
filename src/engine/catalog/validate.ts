import { describeValue, ValidationError } from '../errors.ts';
import type { Catalog, CatalogItem } from './schema.ts';

const CURRENCY = /^[A-Z]{3}$/;

/**
 * Field names are built only when a check fails: a catalog of thousands of items is validated
 * on every page load, and naming every field of every item up front cost tens of ms.
 */
type Where = () => string;

function fail(field: string | Where, value: unknown, expected: string): never {
  const name = typeof field === 'string' ? field : field();
  throw new ValidationError(name, `catalog ${name} is ${describeValue(value)}; expected ${expected}`);
}

function nonEmptyString(field: string | Where, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail(field, value, 'a non-empty string');
  return value;
}

function stringArray(field: Where, value: unknown, nonEmpty: boolean): string[] {
  if (!Array.isArray(value)) fail(field, value, 'an array of strings');
  if (nonEmpty && value.length === 0) fail(field, value, 'at least one entry');
  for (let i = 0; i < value.length; i++) nonEmptyString(() => `${field()}[${i}]`, value[i]);
  return value as string[];
}

/** Checks one item; `where` names it in errors (e.g. `items[3] (id "p-7")`). */
export function validateCatalogItem(raw: unknown, where: string | Where = 'item'): CatalogItem {
  const named: Where = typeof where === 'string' ? () => where : where;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(named, raw, 'an object');
  const item = raw as Record<string, unknown>;
  const id = nonEmptyString(() => `${named()}.id`, item.id);
  const at =
    (field: string): Where =>
    () =>
      `${named()} (id ${JSON.stringify(id)}).${field}`;
  nonEmptyString(at('title'), item.title);
  stringArray(at('category'), item.category, true);
  nonEmptyString(at('brand'), item.brand);
  if (typeof item.price !== 'number' || !Number.isFinite(item.price) || item.price < 0)
    fail(at('price'), item.price, 'a finite number >= 0');
  if (typeof item.currency !== 'string' || !CURRENCY.test(item.currency))
    fail(at('currency'), item.currency, 'a three-letter ISO 4217 code such as "EUR"');
  stringArray(at('tags'), item.tags, false);
  nonEmptyString(at('image'), item.image);
  if (typeof item.description !== 'string') fail(at('description'), item.description, 'a string');
  if (typeof item.inStock !== 'boolean') fail(at('inStock'), item.inStock, 'true or false');
  if (item.attributes !== undefined) {
    if (typeof item.attributes !== 'object' || item.attributes === null || Array.isArray(item.attributes))
      fail(at('attributes'), item.attributes, 'an object of string values');
    for (const [key, value] of Object.entries(item.attributes))
      if (typeof value !== 'string') fail(at(`attributes.${key}`), value, 'a string');
  }
  if (item.complements !== undefined) stringArray(at('complements'), item.complements, false);
  return item as unknown as CatalogItem;
}

/**
 * Validates a whole catalog: every item, unique ids, and complements that
 * point at items that exist. Throws a ValidationError naming the item and field.
 */
export function validateCatalog(raw: unknown): Catalog {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('catalog', raw, 'an object');
  const catalog = raw as Record<string, unknown>;
  nonEmptyString('version', catalog.version);
  if (!Array.isArray(catalog.items)) fail('items', catalog.items, 'an array of items');
  const ids = new Set<string>();
  catalog.items.forEach((entry, i) => {
    const item = validateCatalogItem(entry, () => `items[${i}]`);
    if (ids.has(item.id)) fail(`items[${i}].id`, item.id, 'an id not used by an earlier item (duplicate id)');
    ids.add(item.id);
  });
  catalog.items.forEach((entry, i) => {
    const item = entry as CatalogItem;
    item.complements?.forEach((other, j) => {
      if (!ids.has(other))
        fail(
          `items[${i}] (id ${JSON.stringify(item.id)}).complements[${j}]`,
          other,
          'the id of an item in this catalog',
        );
    });
  });
  return catalog as unknown as Catalog;
}

/**
 * A catalog this engine stored in its asset cache: it was validated before it was stored
 * (page-assets.ts stores only what `loadCatalog` returned), so reading it back checks only its
 * shape. Validating 2,000 items again took ~20 ms on the return visit's first-shelf path; a
 * stricter future check bumps the cache's name instead (asset-cache.ts).
 */
export function storedCatalog(raw: unknown): Catalog {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('catalog', raw, 'an object');
  const catalog = raw as Record<string, unknown>;
  nonEmptyString('version', catalog.version);
  if (!Array.isArray(catalog.items)) fail('items', catalog.items, 'an array of items');
  return catalog as unknown as Catalog;
}

/** Fetches and validates a catalog. Network and parse errors name the URL. */
export async function loadCatalog(url: string, fetchImpl: typeof fetch = fetch): Promise<Catalog> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new Error(`could not fetch catalog ${JSON.stringify(url)}: ${(error as Error).message}`);
  }
  if (!response.ok)
    throw new Error(`could not fetch catalog ${JSON.stringify(url)}: HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new Error(`catalog ${JSON.stringify(url)} is not valid JSON`);
  }
  return validateCatalog(body);
}
