import { useSyncExternalStore } from 'react';
import { Listeners } from '../engine/index.ts';

/**
 * The cart lives apart from tracking: a paused shopper can still shop. Kept in
 * localStorage under LocalShelf's own key so it survives a reload; cleared with
 * "delete everything".
 */
export type CartLines = Record<string, number>;

const KEY = 'localshelf.cart';
let lines: CartLines = read();
const listeners = new Listeners();

function read(): CartLines {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (entry): entry is [string, number] =>
          typeof entry[1] === 'number' && Number.isInteger(entry[1]) && entry[1] > 0,
      ),
    );
  } catch {
    // Storage blocked or a corrupt value: start with an empty cart rather than break the shop.
    return {};
  }
}

function write(next: CartLines): void {
  lines = next;
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or blocked: the cart still works for this page.
  }
  listeners.emit();
}

export const cart = {
  add(itemId: string, quantity = 1): void {
    write({ ...lines, [itemId]: (lines[itemId] ?? 0) + quantity });
  },
  /** Sets a line's quantity; 0 removes it. */
  set(itemId: string, quantity: number): void {
    if (!Number.isInteger(quantity) || quantity < 0)
      throw new RangeError(`cart quantity for ${itemId} is ${quantity}; expected a whole number from 0`);
    if (quantity === 0) return cart.remove(itemId);
    write({ ...lines, [itemId]: quantity });
  },
  remove(itemId: string): void {
    const next = { ...lines };
    delete next[itemId];
    write(next);
  },
  clear(): void {
    write({});
  },
  lines(): CartLines {
    return lines;
  },
};

export function useCart(): CartLines {
  return useSyncExternalStore(listeners.subscribe, () => lines);
}
