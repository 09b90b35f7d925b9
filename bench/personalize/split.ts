import { hashToken } from '../../src/engine/node.ts';

/**
 * The population / new-shopper split of BENCHMARKS.md §2: a fixed hash of the user id, so the
 * same shoppers are "new" on every run, machine and dataset order, with no seed to pass around.
 */

/** Percent of users held out as new shoppers the pretrained model never sees. */
export const NEW_SHOPPER_PERCENT = 10;

/** FNV-1a, 32 bits, over the UTF-16 code units of `id` (the model's token hash): stable, well mixed for short ids. */
export const userHash = hashToken;

/** Whether `id` is one of the ~`percent`% new shoppers. */
export function isNewShopper(id: string, percent = NEW_SHOPPER_PERCENT): boolean {
  if (!(percent >= 0 && percent <= 100))
    throw new RangeError(`new-shopper percent is ${percent}; expected 0..100`);
  return userHash(id) % 100 < percent;
}

/** Splits users (any objects with a `user` id) into the pretraining population and new shoppers, keeping order. */
export function splitUsers<T extends { user: string }>(
  users: readonly T[],
  percent = NEW_SHOPPER_PERCENT,
): { population: T[]; newShoppers: T[] } {
  const population: T[] = [];
  const newShoppers: T[] = [];
  for (const u of users) (isNewShopper(u.user, percent) ? newShoppers : population).push(u);
  return { population, newShoppers };
}
