import { describe, expect, it } from 'vitest';
import { summarizeCost, summarizeGroup } from './aggregate.ts';
import type { ShopperResult } from './evaluate-shopper.ts';
import { deviceView } from './shopper.ts';
import { isNewShopper, splitUsers, userHash } from './split.ts';
import { bootstrapMean, countChanges, historyBucket, mulberry32 } from './stats.ts';

describe('new-shopper split', () => {
  it('hashes ids with FNV-1a (known vectors) and is stable', () => {
    expect(userHash('')).toBe(0x811c9dc5);
    expect(userHash('a')).toBe(0xe40c292c);
    expect(userHash('foobar')).toBe(0xbf9cf968);
    expect(isNewShopper('12345')).toBe(isNewShopper('12345'));
  });

  it('puts about 10% of ids in the new shoppers, keeping file order', () => {
    const users = Array.from({ length: 20_000 }, (_, i) => ({ user: String(i + 1) }));
    const { population, newShoppers } = splitUsers(users);
    expect(population.length + newShoppers.length).toBe(users.length);
    expect(newShoppers.length / users.length).toBeGreaterThan(0.09);
    expect(newShoppers.length / users.length).toBeLessThan(0.11);
    expect(newShoppers.map((u) => Number(u.user))).toEqual(
      [...newShoppers.map((u) => Number(u.user))].sort((a, b) => a - b),
    );
    expect(() => isNewShopper('1', 120)).toThrow('new-shopper percent is 120; expected 0..100');
  });
});

describe('paired statistics', () => {
  it('the PRNG is seeded and uniform-ish', () => {
    const a = mulberry32(5);
    const b = mulberry32(5);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  it('bootstrap interval: reproducible, brackets the mean, degenerate for constants', () => {
    const values = Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const r = bootstrapMean(values, { seed: 3 });
    expect(r).toEqual(bootstrapMean(values, { seed: 3 }));
    expect(r.mean).toBe(0.25);
    expect(r.ci95[0]).toBeLessThan(0.25);
    expect(r.ci95[1]).toBeGreaterThan(0.25);
    // Standard error sqrt(0.25·0.75/400) ≈ 0.0217: the interval is about ±1.96 of it.
    expect(r.ci95[1] - r.ci95[0]).toBeGreaterThan(0.07);
    expect(r.ci95[1] - r.ci95[0]).toBeLessThan(0.1);
    expect(bootstrapMean([0.5, 0.5, 0.5])).toEqual({ mean: 0.5, ci95: [0.5, 0.5] });
    expect(bootstrapMean([]).mean).toBeNaN();
    expect(() => bootstrapMean([1], { resamples: 0 })).toThrow(
      'bootstrap resamples is 0; expected a positive integer',
    );
  });

  it('counts improved / unchanged / worse, float noise counting as unchanged', () => {
    expect(countChanges([0.2, 0, 1e-12, -0.1, -0.3])).toEqual({ improved: 1, unchanged: 2, worse: 2 });
    expect(() => countChanges([NaN])).toThrow(/NaN/);
  });

  it('buckets history lengths as BENCHMARKS.md §2', () => {
    expect([4, 9, 10, 19, 20, 200].map(historyBucket)).toEqual([
      '<10',
      '<10',
      '10-19',
      '10-19',
      '>=20',
      '>=20',
    ]);
    expect(() => historyBucket(-1)).toThrow('history length is -1; expected a non-negative integer');
  });
});

describe('shopper view and summaries', () => {
  it('the device holds all but the last item, with unknown times and the dataset kind', () => {
    const v = deviceView({ user: '7', items: ['3', '1', '4'] });
    expect(v.testItem).toBe('4');
    expect(v.steps.map((s) => s.itemId)).toEqual(['3', '1']);
    expect(v.steps.every((s) => s.kind === 'purchase' && Number.isNaN(s.ts))).toBe(true);
    expect(() => deviceView({ user: '8', items: ['1'] })).toThrow(
      'user 8 has 1 item(s); expected at least 2',
    );
  });

  it('summarizes variants against no fine-tuning, shopper by shopper', () => {
    const base = { examples: 5, steps: 10, ms: 20, trainableParams: 1088, trained: true };
    const results: ShopperResult[] = [
      // Fine-tuning lifts the target from rank 12 to 0 and the guardrail keeps it.
      {
        ...base,
        user: 'a',
        historyLength: 5,
        accepted: true,
        reason: 'accepted: …',
        none: { greater: 12, ties: 0 },
        finetuned: { greater: 0, ties: 0 },
        guarded: { greater: 0, ties: 0 },
      },
      // Fine-tuning hurts (rank 0 → 3); the guardrail rejects, so guarded equals none.
      {
        ...base,
        user: 'b',
        historyLength: 25,
        accepted: false,
        reason: 'rejected: …',
        none: { greater: 0, ties: 0 },
        finetuned: { greater: 3, ties: 0 },
        guarded: { greater: 0, ties: 0 },
      },
      // Too short to train.
      {
        ...base,
        user: 'c',
        historyLength: 4,
        trained: false,
        steps: 0,
        ms: 0,
        accepted: false,
        reason: 'skipped: …',
        none: { greater: 50, ties: 0 },
        finetuned: { greater: 50, ties: 0 },
        guarded: { greater: 50, ties: 0 },
      },
    ];
    const s = summarizeGroup(results, { resamples: 200 });
    expect(s.noFinetune['HR@10']).toBeCloseTo(1 / 3);
    expect(s.guarded['HR@10']).toBeCloseTo(2 / 3);
    expect(s['guarded-noFinetune']).toMatchObject({
      improved: 1,
      unchanged: 2,
      worse: 0,
      rank: { improved: 1, unchanged: 2, worse: 0 },
    });
    expect(s['finetuned-noFinetune']).toMatchObject({ improved: 1, unchanged: 1, worse: 1 });
    expect(s['guarded-noFinetune'].mean).toBeCloseTo(1 / 3);
    expect(s).toMatchObject({ newShoppers: 3, trained: 2, accepted: 1 });
    const cost = summarizeCost(results);
    expect(cost).toMatchObject({
      trainableParams: 1088,
      meanSteps: 10,
      msPerTrainedUser: 20,
      msPerStep: 2,
      outcomes: { accepted: 1, rejected: 1, skipped: 1 },
    });
    expect(cost.msPerUser).toBeCloseTo(40 / 3);
  });
});
