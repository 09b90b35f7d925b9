import { describe, expect, it } from 'vitest';
import { DatasetError } from './read-dataset.ts';
import { parseTrivago, trivagoEvents, checkTrivagoRow, type TrivagoRow } from './trivago.ts';

const row = (over: Partial<TrivagoRow> & Record<string, unknown>): Record<string, unknown> => ({
  user_id: 'u1',
  session_id: 's1',
  timestamp: 1541599523,
  step: 1,
  action_type: 'interaction item image',
  reference: '10',
  impressions: null,
  prices: null,
  ...over,
});
const jsonl = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).join('\n');

describe('trivago converter', () => {
  it('maps each action type onto LocalShelf event kinds, in time and step order', () => {
    const rows = [
      row({
        step: 3,
        timestamp: 1541599600,
        action_type: 'clickout item',
        reference: '20',
        impressions: '10|20|30',
        prices: '71|107|119',
      }),
      row({ step: 1, action_type: 'interaction item image', reference: '10' }),
      row({ step: 2, timestamp: 1541599530, action_type: 'interaction item info', reference: '20' }),
      row({ step: 4, timestamp: 1541599610, action_type: 'interaction item deals', reference: '30' }),
      row({ step: 5, timestamp: 1541599620, action_type: 'search for item', reference: '40' }),
      row({
        step: 6,
        timestamp: 1541599630,
        action_type: 'search for destination',
        reference: 'Paris, France',
      }),
      row({ step: 7, timestamp: 1541599640, action_type: 'filter selection', reference: 'Pool' }),
      row({ step: 8, timestamp: 1541599650, action_type: 'interaction item rating', reference: '50' }),
    ] as unknown as TrivagoRow[];
    const events = trivagoEvents(rows);
    expect(events.map((e) => e.kind)).toEqual([
      'view',
      'dwell',
      'impression',
      'click',
      'add_to_cart',
      'search',
      'search',
      'view',
    ]);
    const dwell = events[1]!;
    // Dwell is the time to the next action: 70 s.
    expect(dwell.kind === 'dwell' && dwell.ms).toBe(70_000);
    const list = events[2]!;
    expect(list.kind === 'impression' && list.items).toEqual([
      { itemId: '10', position: 0, price: 71 },
      { itemId: '20', position: 1, price: 107 },
      { itemId: '30', position: 2, price: 119 },
    ]);
    const click = events[3]!;
    expect(click).toMatchObject({
      kind: 'click',
      itemId: '20',
      shelf: 'list',
      position: 1,
      ts: 1541599600_000,
    });
    expect(events[5]).toMatchObject({ kind: 'search', itemIds: ['40'] });
    expect(events[6]).toMatchObject({ kind: 'search', query: 'Paris, France' });
    expect(events.every((e) => e.sessionId === 's1')).toBe(true);
  });

  it('groups rows by user and skips item actions whose item is "unknown"', () => {
    const text = jsonl([
      row({ user_id: 'a', reference: 'unknown', action_type: 'interaction item info' }),
      row({ user_id: 'b', reference: '5' }),
      row({ user_id: 'a', step: 2, reference: '6' }),
    ]);
    const users = parseTrivago(text);
    expect([...users.keys()]).toEqual(['a', 'b']);
    expect(users.get('a')!.map((e) => e.kind)).toEqual(['view']);
  });

  it.each([
    [{ action_type: 'clickout item', reference: '1', impressions: null, prices: null }, 'impressions'],
    [{ action_type: 'clickout item', reference: '1', impressions: '1|2', prices: '5' }, 'prices'],
    [{ action_type: 'clickout item', reference: 'unknown', impressions: '1|2', prices: '5|6' }, 'reference'],
    [{ action_type: 'interaction item image', reference: 'abc' }, 'reference'],
    [{ action_type: 'teleport' }, 'action_type'],
    [{ timestamp: 'yesterday' }, 'timestamp'],
    [{ step: 0 }, 'step'],
    [{ user_id: '' }, 'user_id'],
  ])('a malformed row (%j) is an error naming its line and the field "%s"', (over, field) => {
    const text = jsonl([row({}), row(over as Record<string, unknown>)]);
    expect(() => parseTrivago(text)).toThrow(DatasetError);
    expect(() => parseTrivago(text)).toThrow(new RegExp(`^line 2: field "${field}"`));
  });

  it('a line that is not JSON names its line', () => {
    expect(() => parseTrivago(`${JSON.stringify(row({}))}\n{oops`)).toThrow(/^line 2: not JSON/);
  });

  it('accepts a valid row as it is', () => {
    expect(checkTrivagoRow(row({}), 1).reference).toBe('10');
  });
});
