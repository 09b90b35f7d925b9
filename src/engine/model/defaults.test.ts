import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_DEFAULTS, TRAIN_DEFAULTS } from './defaults.ts';

/** Each option's `Default:` in the doc comments of `interface name` in `file`, by option name. */
function documentedDefaults(file: string, name: string): Map<string, string> {
  const text = readFileSync(new URL(file, import.meta.url), 'utf8');
  const start = text.indexOf(`export interface ${name} {`);
  const body = text.slice(start, text.indexOf('\n}\n', start));
  const found = new Map<string, string>();
  for (const m of body.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(\w+)\??:/g)) {
    const value = /Default: (\S+?)\.?(?:\s|$)/.exec(m[1] as string);
    if (value) found.set(m[2] as string, value[1] as string);
  }
  return found;
}

/** A value as a doc comment writes it: strings quoted. */
const written = (value: unknown) => (typeof value === 'string' ? `'${value}'` : String(value));

describe('the table of defaults', () => {
  for (const [file, name, table] of [
    ['./config.ts', 'ModelConfig', MODEL_DEFAULTS],
    ['./train.ts', 'TrainOptions', TRAIN_DEFAULTS],
  ] as const)
    it(`is what the doc comments of ${name} say`, () => {
      const documented = documentedDefaults(file, name);
      expect(Object.fromEntries(documented)).toEqual(
        Object.fromEntries(Object.entries(table).map(([key, value]) => [key, written(value)])),
      );
    });
});
