import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_DEFAULTS, TRAIN_DEFAULTS, WITH_CATALOG_DEFAULTS } from '../../src/engine/node.ts';
import { DEFAULT_SETTINGS } from './pretrain-run.ts';
import { SETTING_FIELDS, SETTING_OPTIONS } from './settings-args.ts';

/** A default as docs/embed.md writes it: `--log-q` takes 1 / 0, no time budget is "none". */
function cell(value: unknown): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value === Infinity) return 'none';
  return String(value);
}

describe('pretraining defaults', () => {
  it('are the settings the committed pretraining runs used (bench/results/quality-*), in the card order', () => {
    // The literal DEFAULT_SETTINGS had before the engine's table owned the values: a model card
    // records these settings, so the same keys in the same order keep the cards byte for byte.
    expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(
      '{"dim":64,"maxLen":50,"blocks":2,"heads":1,"dropout":0.5,"epochs":200,"batchSize":128,' +
        '"learningRate":0.003,"negatives":2048,"logQ":true,"loss":"softmax","warmupEpochs":1,' +
        '"lrDecay":0.5,"lrPatience":2,"patience":6,"seed":42,"validUsers":8000,"neighboursPerItem":10,' +
        '"refit":true}',
    );
  });

  it("agree with docs/embed.md's settings table, one row per command-line option", () => {
    const text = readFileSync(new URL('../../docs/embed.md', import.meta.url), 'utf8');
    const rows = new Map<string, string>();
    for (const line of text.split('\n')) {
      const m = /^\| `--([a-z-]+)` +\| ([^|]+?) +\|/.exec(line);
      if (m) rows.set(m[1] as string, m[2] as string);
    }
    const table: Record<string, unknown> = { ...MODEL_DEFAULTS, ...TRAIN_DEFAULTS, ...DEFAULT_SETTINGS };
    const withCatalog: Record<string, unknown> = WITH_CATALOG_DEFAULTS;
    for (const option of Object.keys(SETTING_OPTIONS) as (keyof typeof SETTING_OPTIONS)[]) {
      const field = SETTING_FIELDS[option];
      const base = cell(table[field]);
      const expected =
        field in withCatalog ? `${cell(withCatalog[field])} with a catalog, else ${base}` : base;
      expect(rows.get(option), `docs/embed.md's row for --${option}`).toBe(expected);
    }
    expect([...rows.keys()].filter((o) => !(o in SETTING_OPTIONS))).toEqual([]);
  });
});
