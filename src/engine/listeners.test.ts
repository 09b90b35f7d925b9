import { describe, expect, it } from 'vitest';
import { Listeners } from './listeners.ts';

describe('Listeners', () => {
  it('calls each listener in order with the arguments, until it unsubscribes or the set is cleared', () => {
    const calls: string[] = [];
    const listeners = new Listeners<[number]>();
    const stopA = listeners.subscribe((n) => calls.push(`a${n}`));
    listeners.subscribe((n) => calls.push(`b${n}`));
    listeners.emit(1);
    stopA();
    listeners.emit(2);
    listeners.clear();
    listeners.emit(3);
    expect(calls).toEqual(['a1', 'b1', 'b2']);
  });

  it('skips a listener another one unsubscribed during the same emit', () => {
    const calls: string[] = [];
    const listeners = new Listeners();
    listeners.subscribe(() => {
      calls.push('first');
      stopSecond();
    });
    const stopSecond = listeners.subscribe(() => calls.push('second'));
    listeners.emit();
    expect(calls).toEqual(['first']);
  });
});
