/**
 * `npm run catalog [-- --seed S --out dir]`: regenerates public/catalog.json and
 * public/images/*.svg. Same seed, same bytes.
 */
import { resolve } from 'node:path';
import { validateCatalog } from '../src/engine/node.ts';
import { DEFAULT_SEED, generateCatalog } from './catalog/generate.ts';
import { writeCatalog } from './catalog/write.ts';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const seed = Number(argValue('--seed') ?? DEFAULT_SEED);
if (!Number.isInteger(seed))
  throw new Error(`--seed must be an integer; got ${JSON.stringify(argValue('--seed'))}`);
const out = resolve(argValue('--out') ?? 'public');

const started = performance.now();
const generated = generateCatalog({ seed });
validateCatalog(generated.catalog);
const { catalogBytes, imageBytes } = writeCatalog(generated, out);
const tops = new Set(generated.catalog.items.map((item) => item.category[0]));
console.log(
  `catalog ${generated.catalog.version}: ${generated.catalog.items.length} items in ${tops.size} categories, ` +
    `catalog.json ${(catalogBytes / 1024).toFixed(0)} KiB, images ${(imageBytes / 1024).toFixed(0)} KiB ` +
    `→ ${out} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
