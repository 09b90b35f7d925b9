import { describe, expect, it } from 'vitest';
import { deliveredUntil, Listeners } from './listeners.ts';

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

describe('deliveredUntil', () => {
  it('yields what was delivered before the promise settled, then returns its value', async () => {
    const listeners = new Listeners<[number]>();
    let finish: (value: string) => void = () => {};
    const done = new Promise<string>((resolve) => (finish = resolve));
    const stream = deliveredUntil(listeners.subscribe, done);
    const first = stream.next();
    listeners.emit(1);
    listeners.emit(2);
    expect(await first).toEqual({ done: false, value: 1 });
    finish('result');
    await done;
    listeners.emit(3); // after `done` settled: not part of the stream
    expect(await stream.next()).toEqual({ done: false, value: 2 });
    expect(await stream.next()).toEqual({ done: true, value: 'result' });
  });

  it("throws the promise's error, and unsubscribes when left early", async () => {
    const listeners = new Listeners<[number]>();
    const failing = deliveredUntil(listeners.subscribe, Promise.reject(new Error('worker failed')));
    await expect(failing.next()).rejects.toThrow('worker failed');
    const seen: number[] = [];
    const left = deliveredUntil(listeners.subscribe, new Promise<void>(() => {}));
    const next = left.next();
    listeners.emit(7);
    seen.push((await next).value as number);
    await left.return(undefined);
    listeners.subscribe((n) => seen.push(-n));
    listeners.emit(8);
    expect(seen).toEqual([7, -8]);
  });
});
