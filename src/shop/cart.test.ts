import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The cart reads localStorage when it loads, so each test loads it afresh over its own storage.
const KEY = 'localshelf.cart';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

async function loadCart(storage: Storage | null) {
  vi.resetModules();
  if (storage) vi.stubGlobal('localStorage', storage);
  return (await import('./cart.ts')).cart;
}

describe('the cart', () => {
  let storage: Storage;
  beforeEach(() => {
    storage = memoryStorage();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('adds, sets, removes and clears lines, and keeps them in localStorage', async () => {
    const cart = await loadCart(storage);
    cart.add('tent');
    cart.add('tent', 2);
    cart.add('stove');
    expect(cart.lines()).toEqual({ tent: 3, stove: 1 });
    cart.set('stove', 4);
    expect(JSON.parse(storage.getItem(KEY)!)).toEqual({ tent: 3, stove: 4 });
    cart.set('tent', 0);
    expect(cart.lines()).toEqual({ stove: 4 });
    cart.remove('stove');
    expect(cart.lines()).toEqual({});
    cart.add('mug');
    cart.clear();
    expect(cart.lines()).toEqual({});
    expect(storage.getItem(KEY)).toBe('{}');
  });

  it('rejects a quantity that is not a whole number from 0, naming it', async () => {
    const cart = await loadCart(storage);
    expect(() => cart.set('tent', -1)).toThrow(
      /cart quantity for tent is -1; expected a whole number from 0/,
    );
    expect(() => cart.set('tent', 1.5)).toThrow(/is 1.5/);
    expect(cart.lines()).toEqual({});
  });

  it('restores a saved cart and drops lines that are not positive whole numbers', async () => {
    storage.setItem(KEY, JSON.stringify({ tent: 2, stove: 0, mug: -1, pan: 1.5, cup: '3', bag: 1 }));
    const cart = await loadCart(storage);
    expect(cart.lines()).toEqual({ tent: 2, bag: 1 });
  });

  it('starts empty over a corrupt value, and without storage at all', async () => {
    storage.setItem(KEY, '{not json');
    expect((await loadCart(storage)).lines()).toEqual({});
    storage.setItem(KEY, '[1, 2]');
    expect((await loadCart(storage)).lines()).toEqual({});
    // No localStorage at all (Node has none; a browser may block it): the cart still works for the page.
    vi.unstubAllGlobals();
    expect(typeof localStorage).toBe('undefined');
    const cart = await loadCart(null);
    cart.add('tent');
    expect(cart.lines()).toEqual({ tent: 1 });
  });
});
