/**
 * `npx tsx scripts/simulate/report.ts [dir]`: reads a simulator run's events.jsonl
 * (default data/sim) and prints what its logs hold for a click model: counts per
 * kind and shelf, click-through by shelf, position and earlier ignored showings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShopEvent } from '../../src/engine/node.ts';
import { formatLogStats, logStats } from './log-stats.ts';

const dir = process.argv[2] ?? 'data/sim';
const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');
console.log(formatLogStats(logStats(lines.map((l) => JSON.parse(l) as { events: ShopEvent[] }))));
