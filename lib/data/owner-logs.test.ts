import { describe, expect, it } from 'vitest';
import { parseInteractionCsv, parseInteractionJsonl, parseTimestamp, splitCsvLine } from './owner-logs.ts';
import { catalogCoverage, parseDataset } from './read-dataset.ts';
import type { CatalogItem } from '../../src/engine/node.ts';

const T0 = Date.UTC(2026, 2, 1, 12);
const iso = (ms: number) => new Date(ms).toISOString();

describe("a site owner's logs", () => {
  it('reads CSV user,item,timestamp[,kind] with or without a header, string ids kept as written', () => {
    const withHeader = `user,item,timestamp,kind\nu1,tea-sencha,${iso(T0)},view\nu1,"kettle, electric",${iso(T0 + 1000)},add_to_cart\n`;
    expect(parseInteractionCsv(withHeader)).toEqual([
      { user: 'u1', itemId: 'tea-sencha', ts: T0, kind: 'view', line: 2 },
      { user: 'u1', itemId: 'kettle, electric', ts: T0 + 1000, kind: 'add_to_cart', line: 3 },
    ]);
    // No header: columns by position; seconds and milliseconds both read; no kind means a view.
    const bare = `u2,0042,${T0 / 1000}\nu2,sku-7,${T0 + 5}\n`;
    expect(parseInteractionCsv(bare).map((s) => [s.itemId, s.ts, s.kind])).toEqual([
      ['0042', T0, 'view'],
      ['sku-7', T0 + 5, 'view'],
    ]);
    // Columns named differently, in another order.
    const renamed = `timestamp,product_id,customer_id\n${iso(T0)},tea-1,c-9\n`;
    expect(parseInteractionCsv(renamed)[0]).toMatchObject({ user: 'c-9', itemId: 'tea-1' });
  });

  it('names the line and the field of a bad row, and what was expected', () => {
    expect(() => parseInteractionCsv(`user,item,timestamp\nu1,a,${iso(T0)}\nu1,b,yesterday\n`)).toThrow(
      'line 3: "timestamp" is "yesterday"; expected milliseconds or seconds since 1970, or an ISO 8601 date',
    );
    expect(() => parseInteractionCsv(`u1,,${T0}\n`)).toThrow('line 1: "item" is ""; expected a non-empty id');
    expect(() => parseInteractionCsv(`u1,a,${T0},clik\n`)).toThrow(
      'line 1: "kind" is "clik"; expected one of view, click, add_to_cart, purchase, dwell',
    );
    expect(() => parseInteractionCsv(`u1,a\n`)).toThrow(
      'line 1: the row "u1,a" has 2 fields; expected user,item,timestamp[,kind]',
    );
    expect(() => splitCsvLine('u1,"open', 4)).toThrow('line 4: a quoted field is not closed');
    expect(() => parseTimestamp(-5, 2)).toThrow('line 2: "timestamp" is -5');
  });

  it('reads JSONL interactions and LocalShelf events (with a shopper field), checked like track()', () => {
    const jsonl = [
      JSON.stringify({ user: 'u1', item: 'tea-1', timestamp: iso(T0) }),
      JSON.stringify({ shopper: 'u1', kind: 'purchase', itemId: 'tea-2', ts: T0 + 10, quantity: 2 }),
      JSON.stringify({ shopper: 'u1', kind: 'search', query: 'green tea', ts: T0 + 20 }),
      '',
    ].join('\n');
    expect(parseInteractionJsonl(jsonl).map((s) => [s.itemId, s.kind])).toEqual([
      ['tea-1', 'view'],
      ['tea-2', 'purchase'],
    ]);
    expect(() =>
      parseInteractionJsonl(
        JSON.stringify({ shopper: 'u1', kind: 'view', itemId: 'a', ts: T0, colour: 'red' }),
      ),
    ).toThrow(
      /^line 1: the event is not a LocalShelf event: event field "colour" is "red"; expected no such field/,
    );
    expect(() => parseInteractionJsonl('{"user": "u1", "item": "a"')).toThrow(
      /^line 1: the line is not valid JSON/,
    );
  });

  it('the same visits give the same sequences from CSV and from LocalShelf event JSONL', () => {
    const rows: [string, string, number, string][] = [
      ['u1', 'a', T0 + 2000, 'view'],
      ['u2', 'c', T0, 'view'],
      ['u1', 'b', T0 + 1000, 'view'],
      ['u1', 'b', T0 + 1500, 'add_to_cart'],
    ];
    const csv = rows.map(([u, i, t, k]) => `${u},${i},${iso(t)},${k}`).join('\n');
    const events = rows
      .map(([u, i, t, k]) => JSON.stringify({ shopper: u, kind: k, itemId: i, ts: t }))
      .join('\n');
    const expected = [
      // Time order per user; repeated steps on one item merge into the strongest kind.
      { user: 'u1', items: ['b', 'a'], kinds: ['add_to_cart', 'view'], ts: [T0 + 1500, T0 + 2000] },
      { user: 'u2', items: ['c'], kinds: ['view'], ts: [T0] },
    ];
    expect(parseDataset(csv)).toEqual(expected);
    expect(parseDataset(events)).toEqual(expected);
  });

  it('says how the logs fit the catalog, and refuses logs that share no id with it', () => {
    const catalog = ['a', 'b', 'z'].map((id) => ({ id }) as CatalogItem);
    const users = parseDataset(`u1,a,${T0}\nu1,q,${T0 + 1}\n`);
    expect(catalogCoverage(users, catalog)).toEqual([
      '1 item ids in the logs are not in the catalog ("q"); the model learns them, but the shelves show only catalog items',
      '2 of 3 catalog items have no interactions; they are scored by their content',
    ]);
    expect(() => catalogCoverage(parseDataset(`u1,1,${T0}\n`), catalog)).toThrow(
      'none of the item ids in the logs is in the catalog',
    );
  });
});
