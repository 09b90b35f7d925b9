import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RERANK_FEATURES } from './features.ts';

describe('docs/reranker.md', () => {
  it('documents every feature, in input order, with the meaning the code gives', () => {
    const doc = readFileSync(new URL('../../../docs/reranker.md', import.meta.url), 'utf8');
    RERANK_FEATURES.forEach(([name, meaning], i) => {
      expect(doc).toContain(`| ${i} | \`${name}\` | ${meaning} |`);
    });
  });
});
