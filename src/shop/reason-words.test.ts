import { describe, expect, it } from 'vitest';
import type { BackendInfo, CatalogItem, RankedItem, Reason } from '../engine/index.ts';
import { onRealGpu, whereItRuns } from './device-words.ts';
import { boostNote, describeReason } from './reason-words.ts';

const item = (id: string, brand: string, category: string[]): CatalogItem => ({
  id,
  title: `Item ${id}`,
  category,
  brand,
  tags: [],
  price: 10,
  currency: 'EUR',
  image: 'x.svg',
  description: '',
  inStock: true,
});
const tent = item('tent', 'Trailhead', ['Outdoors', 'Camping', 'Tents']);
const stove = item('stove', 'Camply', ['Outdoors', 'Camping', 'Stoves']);
const other = item('tent2', 'Trailhead', ['Outdoors', 'Camping', 'Tents']);
const itemOf = (id: string) => [tent, stove, other].find((i) => i.id === id);
const history = (kind: 'view' | 'add_to_cart' | 'purchase'): Reason => ({
  type: 'history',
  itemId: 'tent',
  title: 'Item tent',
  kind,
  similarity: 0.72,
});

describe('the shop’s words for reasons', () => {
  it('names the real interaction: in the cart now, bought, or looked at', () => {
    const words = (inCart: string[]) => ({ item: other, itemOf, inCart: new Set(inCart) });
    expect(describeReason(history('add_to_cart'), words(['tent']))).toBe(
      'Like Item tent, which is in your cart (same brand and also in Tents)',
    );
    expect(describeReason(history('add_to_cart'), words([]))).toMatch(/which you put in your cart/);
    expect(describeReason(history('purchase'), words([]))).toMatch(/which you bought/);
    expect(describeReason(history('view'), words([]))).toMatch(/which you looked at/);
  });

  it('differs by item and never shows a raw score', () => {
    const a = describeReason(history('view'), { item: other, itemOf, inCart: new Set() });
    const b = describeReason(history('view'), { item: stove, itemOf, inCart: new Set() });
    expect(a).not.toBe(b);
    for (const text of [a, b]) expect(text).not.toMatch(/0\.72|similarity|\d\.\d/);
    const reranker: Reason = { type: 'reranker', probability: 0.31, moved: 2, why: [] };
    expect(describeReason(reranker, { item: tent, itemOf, inCart: new Set() })).not.toMatch(/\d/);
  });

  it('a search note says "in your cart" for a carted result, not "you viewed"', () => {
    const ranked: RankedItem = {
      itemId: 'tent',
      score: 0.4,
      from: 5,
      reasons: [history('add_to_cart')],
      explanation: '',
    };
    expect(boostNote(ranked, 1, new Set(['tent']))).toBe('↑ Boosted for you: it is in your cart');
    expect(boostNote({ ...ranked, itemId: 'stove' }, 1, new Set())).toBe(
      '↑ Boosted for you: like Item tent, which you put in your cart',
    );
    expect(boostNote(ranked, 5, new Set())).toBeUndefined();
  });
});

describe('where the model runs, in shoppers’ words', () => {
  const backend = (name: BackendInfo['name'], renderer: string | null, softwareRenderer = false) =>
    ({ name, renderer, softwareRenderer, adapter: null }) as unknown as BackendInfo;

  it('says GPU only for a hardware renderer', () => {
    expect(onRealGpu(backend('webgl', 'ANGLE (NVIDIA GeForce RTX 3060)'))).toBe(true);
    expect(onRealGpu(backend('webgl', 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))'))).toBe(false);
    expect(onRealGpu(backend('webgl', 'llvmpipe (LLVM 15.0.7, 256 bits)'))).toBe(false);
    expect(onRealGpu(backend('webgpu', 'some adapter', true))).toBe(false);
    expect(onRealGpu(backend('wasm', null))).toBe(false);
    expect(whereItRuns(backend('wasm', null))).not.toMatch(/wasm|webgl|cpu/i);
    expect(whereItRuns(backend('webgl', 'ANGLE (Apple M2)'))).toBe("on your device's GPU");
  });
});
