import { describe, expect, it } from 'vitest';
import { parseModelCard } from './model-card.ts';

const card = (extra: Record<string, unknown> = {}) => ({
  format: 'localshelf-model/1',
  version: 'model-abc',
  vocabulary: ['a', 'b'],
  popularity: [3, 1],
  prior: null,
  settings: { dim: 16 },
  valid: { 'NDCG@10': 0.5 },
  ...extra,
});

describe('the model card (meta.json)', () => {
  it('accepts the card npm run pretrain writes, with or without popularity', () => {
    expect(parseModelCard(card()).version).toBe('model-abc');
    expect(parseModelCard(card({ popularity: undefined })).popularity).toBeUndefined();
  });

  it('names the card, the field and what was expected', () => {
    expect(() => parseModelCard(card({ version: undefined }), '/m/meta.json')).toThrow(
      '/m/meta.json "version" is undefined; expected a non-empty string that changes with the weights (the model card written by npm run pretrain)',
    );
    expect(() => parseModelCard(card({ popularity: [1] }))).toThrow(
      'meta.json "popularity" is an array of 1; expected 2 entries, one per vocabulary item',
    );
    expect(() => parseModelCard(card({ vocabulary: ['a', 'a'], popularity: undefined }))).toThrow(
      'meta.json vocabulary[1] is "a"; expected an id not listed earlier',
    );
    expect(() => parseModelCard(card({ format: 'tfjs' }))).toThrow(
      '"format" is "tfjs"; expected "localshelf-model/1"',
    );
    expect(() => parseModelCard({ format: 'localshelf-model/1' })).toThrow(
      'meta.json has no "vocabulary" array',
    );
  });
});
