/**
 * `npm run simulate [-- --shoppers N --seed S --out dir]`: simulated shoppers on the
 * demo catalog. Writes events.jsonl (one shopper per line, events in time order)
 * and tastes.json (the hidden tastes, kept apart for evaluation).
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { validateCatalog } from '../src/engine/node.ts';
import { parseArgs } from './simulate/args.ts';
import { simulate } from './simulate/run.ts';

const args = parseArgs(process.argv.slice(2));
const started = performance.now();
const catalog = validateCatalog(JSON.parse(readFileSync(args.catalog, 'utf8')));
mkdirSync(args.out, { recursive: true });
const fd = openSync(join(args.out, 'events.jsonl'), 'w');
const tastes: unknown[] = [];
const counts: Record<string, number> = {};
let total = 0;
for (const s of simulate({ catalog, shoppers: args.shoppers, seed: args.seed, weeks: args.weeks })) {
  writeSync(fd, JSON.stringify({ shopper: s.shopper, events: s.events }) + '\n');
  tastes.push({ shopper: s.shopper, ...s.taste, finalCategories: s.finalCategories });
  total += s.events.length;
  for (const e of s.events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
}
closeSync(fd);
writeFileSync(
  join(args.out, 'tastes.json'),
  JSON.stringify({ seed: args.seed, weeks: args.weeks, catalogVersion: catalog.version, shoppers: tastes }) +
    '\n',
);
console.log(
  `simulated ${args.shoppers} shoppers, ${total} events (${Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}) → ${args.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
