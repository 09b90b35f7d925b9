import { describe, expect, it } from 'vitest';
import { firstShelfDrawn, shelfDrawn } from './first-shelf.ts';

describe('the first shelf on screen', () => {
  it('is waited for until a shelf is drawn, and each source is marked once for the benchmarks', async () => {
    let drawn = false;
    void firstShelfDrawn().then(() => (drawn = true));
    await Promise.resolve();
    expect(drawn).toBe(false);

    shelfDrawn('cached');
    shelfDrawn('cached');
    await firstShelfDrawn();
    expect(drawn).toBe(true);
    expect(performance.getEntriesByName('localshelf:cached-shelf')).toHaveLength(1);
    expect(performance.getEntriesByName('localshelf:first-recommendation')).toHaveLength(0);

    shelfDrawn('fresh');
    shelfDrawn('fresh');
    expect(performance.getEntriesByName('localshelf:first-recommendation')).toHaveLength(1);
  });
});
