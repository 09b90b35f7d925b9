/**
 * npx tsx scripts/rewrite-model-card.ts <model dir> [--catalog <catalog.json>]
 * Brings an existing model card (meta.json) to the current format without touching the
 * weights: drops what a published card must not carry (local paths, the commit), records the
 * catalog's version when given, and validates the result the way the browser will.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateCatalog } from '../src/engine/node.ts';
import { writeModelCard } from '../lib/data/model-card.ts';

const [dir, flag, catalogFile] = process.argv.slice(2);
if (!dir || (flag !== undefined && (flag !== '--catalog' || !catalogFile)))
  throw new Error('usage: npx tsx scripts/rewrite-model-card.ts <model dir> [--catalog <catalog.json>]');
const raw = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Record<string, unknown>;
const { dataFile: _dataFile, catalog: _catalog, commit: _commit, ...kept } = raw;
const catalogVersion = catalogFile
  ? validateCatalog(JSON.parse(readFileSync(catalogFile, 'utf8'))).version
  : (kept.catalogVersion ?? null);
writeModelCard(dir, { ...kept, prior: kept.prior ?? null, catalogVersion } as never);
process.stderr.write(`rewrote ${join(dir, 'meta.json')} (version ${String(kept.version)})\n`);
