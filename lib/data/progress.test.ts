import { describe, expect, it } from 'vitest';
import { progressLine, timeLeft } from './progress.ts';

const line = (over: Partial<Parameters<typeof progressLine>[0]>) =>
  progressLine({
    epoch: 1,
    epochs: 2,
    step: 50,
    steps: 100,
    loss: 1,
    elapsedMs: 10_000,
    budgetMs: Infinity,
    epochStartMs: 0,
    ...over,
  });

describe('progress line', () => {
  it('estimates the time left from this epoch and the ones to come', () => {
    // Half an epoch in 10 s: 10 s for the rest of it, 20 s for the second.
    expect(line({})).toMatch(/ left ≈30s$/);
  });

  it('says when the time budget cuts the run short', () => {
    expect(line({ budgetMs: 15_000 })).toMatch(/ left ≤5s$/);
  });

  it('never prints a zero or negative time left', () => {
    // The last step of the last epoch, the budget just spent, and past it.
    expect(line({ epoch: 2, step: 100 })).toMatch(/ finishing$/);
    expect(line({ budgetMs: 10_000 })).toMatch(/ time budget reached, finishing this epoch$/);
    expect(line({ budgetMs: 5_000 })).toMatch(/ time budget reached, finishing this epoch$/);
    for (const estimate of [0, 1, 499, 999]) expect(timeLeft(estimate, Infinity)).toBe('finishing');
    expect(line({})).not.toMatch(/≤0s|≈0s|left ≤\?/);
  });

  it('says "?" before the first step has taken any time', () => {
    expect(line({ step: 0 })).toMatch(/ left \?$/);
  });
});
