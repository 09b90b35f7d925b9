import type { Shelf } from '../engine/index.ts';

/**
 * No item on two shelves of one page: shelves are filled in page order, each from its own
 * ranked list, skipping items an earlier shelf already holds (the engine already leaves them
 * out when asked with `exclude`; this keeps the page right whatever a shelf returns).
 * `null` stands for a shelf not loaded yet: it and every shelf after it stay null, so a shelf
 * never shows an item that an earlier one is about to claim.
 */
export function distinctShelves(
  shelves: readonly (Shelf | null)[],
  limits: readonly number[],
): (Shelf | null)[] {
  const taken = new Set<string>();
  const out: (Shelf | null)[] = [];
  let waiting = false;
  shelves.forEach((shelf, i) => {
    if (waiting || !shelf) {
      waiting = true;
      out.push(null);
      return;
    }
    const items = shelf.items.filter((r) => !taken.has(r.itemId)).slice(0, limits[i]);
    for (const r of items) taken.add(r.itemId);
    out.push({
      ...shelf,
      items,
      ...(items.length === 0 && !shelf.empty
        ? { empty: 'everything it would show is on a shelf above' }
        : {}),
    });
  });
  return out;
}
