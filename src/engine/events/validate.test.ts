import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { validateEvent } from './validate.ts';

const base = { id: 'e-1', ts: Date.UTC(2026, 0, 1), sessionId: 's-1' };

describe('validateEvent', () => {
  it('accepts every kind with the fields it needs', () => {
    expect(validateEvent({ ...base, kind: 'view', itemId: 'p-1' })).toEqual({
      ...base,
      kind: 'view',
      itemId: 'p-1',
    });
    expect(validateEvent({ ...base, kind: 'add_to_cart', itemId: 'p-1' })).toMatchObject({ quantity: 1 });
    expect(validateEvent({ ...base, kind: 'search', query: '  tent  ' })).toMatchObject({ query: 'tent' });
    expect(validateEvent({ ...base, kind: 'dwell', itemId: 'p-1', ms: 1500.4 })).toMatchObject({ ms: 1500 });
    expect(
      validateEvent({
        ...base,
        kind: 'impression',
        shelf: 'for-you',
        items: [{ itemId: 'p-1', position: 0 }],
      }),
    ).toMatchObject({ shelf: 'for-you' });
    expect(
      validateEvent({ ...base, kind: 'purchase', itemId: 'p-1', quantity: 2, price: 9.5, orderId: 'o-1' }),
    ).toMatchObject({
      quantity: 2,
      price: 9.5,
    });
  });

  it('names the unknown kind and lists the valid ones', () => {
    expect(() => validateEvent({ ...base, kind: 'clik', itemId: 'p-1' })).toThrow(
      'event field "kind" is "clik"; expected one of view, click, add_to_cart, remove_from_cart, purchase, search, impression, dwell',
    );
  });

  it('names the bad field and value', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, kind: 'view' }, 'event field "itemId" is undefined'],
      [{ ...base, kind: 'view', itemId: 42 }, 'event field "itemId" is 42'],
      [{ ...base, kind: 'dwell', itemId: 'p', ms: -5 }, 'event field "ms" is -5'],
      [{ ...base, kind: 'add_to_cart', itemId: 'p', quantity: 1.5 }, 'event field "quantity" is 1.5'],
      [{ ...base, kind: 'search', query: '' }, 'event field "query" is ""'],
      [{ ...base, ts: 12, kind: 'view', itemId: 'p' }, 'event field "ts" is 12'],
      [
        { ...base, kind: 'view', itemId: 'p', colour: 'red' },
        'event field "colour" is "red"; expected no such field',
      ],
      [
        { ...base, kind: 'impression', shelf: 's', items: [{ itemId: 'p', position: -1 }] },
        'event field "items[0].position" is -1',
      ],
    ];
    for (const [input, message] of cases) {
      let error: unknown;
      try {
        validateEvent(input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toContain(message);
    }
  });

  it('refuses non-objects', () => {
    expect(() => validateEvent(null)).toThrow('event field "event" is null; expected an object');
    expect(() => validateEvent('view')).toThrow(ValidationError);
  });
});
