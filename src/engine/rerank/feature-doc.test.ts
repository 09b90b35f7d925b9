import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RERANK_FEATURES } from './features.ts';

describe('docs/reranker.md', () => {
  it('documents every feature, in input order, with the meaning the code gives', () => {
    const text = readFileSync(new URL('../../../docs/reranker.md', import.meta.url), 'utf8');
    // Table cells with their padding folded, so the formatter may align the columns.
    const doc = text
      .split('\n')
      .map((line) => (line.startsWith('|') ? line.replace(/ *\| */g, ' | ').trim() : line))
      .join('\n');
    RERANK_FEATURES.forEach(([name, meaning], i) => {
      expect(doc).toContain(`| ${i} | \`${name}\` | ${meaning} |`);
    });
  });
});
