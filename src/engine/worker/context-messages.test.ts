import { describe, expect, it } from 'vitest';
import { CONTEXT_NOT_HELD, ContextSender, HeldContext } from './context-messages.ts';
import type { ContextPayload } from './protocol.ts';

const payload = (sessionId?: string, itemId = 'a'): ContextPayload => ({
  steps: [{ itemId, kind: 'view', ts: 1 }],
  events: [],
  inCart: [],
  purchased: [],
  ...(sessionId ? { sessionId } : {}),
});

describe('the shopper context between page and worker', () => {
  it('is sent in full once per store revision, then by reference with the current session', () => {
    const sender = new ContextSender();
    const held = new HeldContext();
    const first = sender.message(3, payload('s1'));
    expect('payload' in first).toBe(true);
    expect(held.resolve(first).payload).toEqual(payload('s1'));
    const again = sender.message(3, payload('s2'));
    expect(again).toEqual({ revision: 3, sessionId: 's2' });
    // The events are the held ones; the session is the message's (sessions end with time).
    expect(held.resolve(again)).toEqual({ revision: 3, payload: payload('s2') });
    expect(held.resolve(sender.message(3, payload()))).toEqual({ revision: 3, payload: payload() });
    const moved = sender.message(4, payload('s2', 'b'));
    expect('payload' in moved).toBe(true);
    expect(held.resolve(moved).payload.steps[0]!.itemId).toBe('b');
  });

  it('always goes in full before the page has read the store', () => {
    const sender = new ContextSender();
    sender.message(-1, payload());
    expect('payload' in sender.message(-1, payload())).toBe(true);
  });

  it('refuses a reference to a revision the worker does not hold, by name, and goes in full after forget()', () => {
    const sender = new ContextSender();
    sender.message(7, payload());
    const reference = sender.message(7, payload());
    const fresh = new HeldContext(); // e.g. a worker that never saw revision 7
    expect(() => fresh.resolve(reference)).toThrowError(/revision 7, but this worker holds none/);
    try {
      fresh.resolve(reference);
    } catch (error) {
      expect((error as Error).name).toBe(CONTEXT_NOT_HELD);
    }
    const other = new HeldContext();
    other.resolve({ revision: 6, payload: payload() });
    expect(() => other.resolve(reference)).toThrowError(/holds revision 6/);
    sender.forget();
    expect('payload' in sender.message(7, payload())).toBe(true);
  });
});
