import { describe, expect, it } from 'vitest';
import { DatasetError, parseDataset, parseItemSequences, parseShopperJsonl } from './read-dataset.ts';
import { buildVocabulary, historyBefore } from './split.ts';

describe('dataset reader', () => {
  it('reads user_id item_id ... lines', () => {
    const users = parseItemSequences('1 3 2 5\n2 1 2\n\n');
    expect(users).toEqual([
      { user: '1', items: ['3', '2', '5'] },
      { user: '2', items: ['1', '2'] },
    ]);
    expect(buildVocabulary(users)).toEqual(['1', '2', '3', '5']);
  });

  it('names the line and what was wrong', () => {
    expect(() => parseItemSequences('1 2 3\n2 4 x7\n')).toThrow(
      'line 2: item id "x7"; expected a positive integer',
    );
    expect(() => parseItemSequences('1 2 3\n\n7\n')).toThrow('line 3: user 7 has no items');
    expect(() => parseItemSequences('1 2\n1 3\n')).toThrow('line 2: user 1 already appeared on line 1');
    expect(() => parseItemSequences('u1 2\n')).toThrow(/line 1: user id "u1"/);
    expect(() => parseItemSequences('1 0\n')).toThrow(/item id "0"/);
    expect(() => parseItemSequences('\n\n')).toThrow(DatasetError);
  });

  it('reads simulated shoppers, merging consecutive events on one item', () => {
    const ev = (i: number, kind: string, extra: object) => ({
      id: `e${i}`,
      ts: 1_700_000_000_000 + i * 1000,
      sessionId: 's',
      kind,
      ...extra,
    });
    const line = JSON.stringify({
      shopper: 's-1',
      events: [
        ev(3, 'click', { itemId: 'b' }),
        ev(1, 'view', { itemId: 'a' }),
        ev(2, 'dwell', { itemId: 'a', ms: 5000 }),
        ev(4, 'impression', { shelf: 'home', items: [{ itemId: 'c', position: 0 }] }),
        ev(5, 'add_to_cart', { itemId: 'b', quantity: 1 }),
        ev(6, 'search', { query: 'tent' }),
        ev(7, 'purchase', { itemId: 'c', quantity: 2 }),
      ],
    });
    const [u] = parseDataset(`${line}\n`);
    expect(u?.items).toEqual(['a', 'b', 'c']);
    expect(u?.kinds).toEqual(['dwell', 'add_to_cart', 'purchase']);
    const index = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const h = historyBefore(u!, index, 2);
    expect(Array.from(h.items)).toEqual([1, 2]);
    expect(Array.from(h.kinds)).toEqual([8, 3]); // dwell = EVENT_KINDS index 7, + 1 for padding
  });

  it('names the JSONL line and the bad event', () => {
    expect(() => parseShopperJsonl('{"shopper":"s","events":[]}\nnot json\n')).toThrow(
      /^line 2: not valid JSON/,
    );
    expect(() => parseShopperJsonl('{"events":[]}')).toThrow(
      'line 1: "shopper" is undefined; expected a non-empty string',
    );
    expect(() => parseShopperJsonl('{"shopper":"s","events":[{"kind":"clik"}]}')).toThrow(
      /line 1: event 0 of shopper s: .*"clik"/,
    );
  });
});
