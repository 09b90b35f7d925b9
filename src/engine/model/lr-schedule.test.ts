import { describe, expect, it } from 'vitest';
import { RateSchedule } from './lr-schedule.ts';

describe('learning-rate schedule', () => {
  it('warms up linearly, then holds the base rate', () => {
    const s = new RateSchedule(0.01, 4, 0.5, 2);
    expect([1, 2, 3, 4, 5, 100].map((step) => s.rateAt(step))).toEqual([
      0.0025, 0.005, 0.0075, 0.01, 0.01, 0.01,
    ]);
  });

  it('ignores a one-epoch dip and lowers the rate after `patience` flat epochs in a row', () => {
    const s = new RateSchedule(0.01, 0, 0.5, 2);
    s.epochEnd(false); // one dip
    s.epochEnd(true);
    expect(s.rateAt(1)).toBe(0.01);
    s.epochEnd(false);
    s.epochEnd(false); // two in a row
    expect(s.rateAt(1)).toBe(0.005);
    s.epochEnd(false);
    expect(s.rateAt(1)).toBe(0.005);
    s.epochEnd(false); // four in a row: lowered again
    expect(s.rateAt(1)).toBe(0.0025);
  });

  it('names a bad setting', () => {
    expect(() => new RateSchedule(0.01, 0, 0, 2)).toThrow(/"lrDecay" is 0; expected a number in \(0, 1\]/);
    expect(() => new RateSchedule(0.01, 0, 0.5, 0)).toThrow(/"lrPatience" is 0; expected an integer ≥ 1/);
  });
});
