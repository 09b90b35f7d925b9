import { hashToken } from '../../src/engine/node.ts';
import type { UserSequence } from '../../lib/data/read-dataset.ts';

/** FNV-1a over the shopper id (the model's token hash): stable across runs, machines and shopper order. */
export const shopperHash = hashToken;

/** Whether a shopper is held out from pretraining: hash mod 100 below `percent`. */
export function isHeldOut(id: string, percent: number): boolean {
  if (!(percent > 0 && percent < 100))
    throw new Error(`held-out percent is ${percent}; expected a number in (0, 100)`);
  return shopperHash(id) % 100 < percent;
}

/**
 * Splits shoppers by a fixed hash of their id, not by position, so adding shoppers to the
 * simulation never moves an existing shopper from one side to the other.
 */
export function splitShoppers(
  users: readonly UserSequence[],
  percent: number,
): { population: UserSequence[]; heldOut: UserSequence[] } {
  const population: UserSequence[] = [];
  const heldOut: UserSequence[] = [];
  for (const u of users) (isHeldOut(u.user, percent) ? heldOut : population).push(u);
  if (population.length === 0 || heldOut.length === 0)
    throw new Error(
      `split of ${users.length} shoppers gave ${population.length} for pretraining and ${heldOut.length} held out; expected both non-empty`,
    );
  return { population, heldOut };
}
