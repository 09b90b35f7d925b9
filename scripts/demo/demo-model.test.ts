import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  validateCatalog,
  type CatalogItem,
  complementTable,
  encodeHistory,
  getEncoder,
  itemMatrix,
  leafTable,
  loadPretrained,
  scoreAll,
  userRepresentation,
  type Pretrained,
} from '../../src/engine/node.ts';
import { dirHandler } from '../../lib/data/model-files.ts';
import { startNodeBackend } from '../../lib/data/node-tf.ts';
import { contentVector } from './content-vector.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// Overridable so a candidate model can be checked before it replaces the shipped one.
const DIR = process.env['LOCALSHELF_DEMO_MODEL'] ?? join(ROOT, 'models/demo');
const catalog = validateCatalog(JSON.parse(readFileSync(join(ROOT, 'public/catalog.json'), 'utf8'))).items;
const isCamping = (item: CatalogItem | undefined) =>
  item?.category[0] === 'Outdoors' && item.category[1] === 'Camping';
const tents = catalog.filter((i) => i.category.join('/') === 'Outdoors/Camping/Tents');

let demo: Pretrained;
const meta = JSON.parse(readFileSync(join(DIR, 'meta.json'), 'utf8')) as Record<string, unknown> & {
  vocabulary: string[];
};

/** A shopper who viewed a few tents a minute apart. */
function tentHistory(n = 3) {
  const t0 = Date.UTC(2026, 0, 10, 12);
  const steps = tents
    .slice(0, n)
    .map((item, k) => ({ itemId: item.id, kind: 'view' as const, ts: t0 + k * 60_000 }));
  return encodeHistory(steps, demo.index, getEncoder(demo.model).cfg.maxLen);
}

describe('shipped demo model (models/demo)', () => {
  beforeAll(async () => {
    await startNodeBackend();
    demo = await loadPretrained({ handler: dirHandler(DIR), meta });
  });

  it('has a model card the browser engine can use, and weights of at most 5 MB', () => {
    const weights = readFileSync(join(DIR, 'weights.bin'));
    expect(weights.byteLength).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(meta['modelBytes']).toBe(weights.byteLength);
    const hash = createHash('sha256').update(weights).digest('hex');
    expect(meta['version']).toBe(`demo-${hash.slice(0, 12)}`);
    expect(meta.vocabulary).toHaveLength(catalog.length);
    const popularity = meta['popularity'] as number[];
    expect(popularity).toHaveLength(meta.vocabulary.length);
    expect(popularity.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
    expect(popularity.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // A published card names no local path and no commit; the data is named by its hash.
    for (const key of ['dataFile', 'catalog', 'commit']) expect(meta[key], key).toBeUndefined();
    expect(JSON.stringify(meta)).not.toContain(ROOT);
    expect(meta['catalogVersion']).toBe(
      validateCatalog(JSON.parse(readFileSync(join(ROOT, 'public/catalog.json'), 'utf8'))).version,
    );
    for (const key of ['dataSha256', 'date', 'settings', 'valid', 'params', 'prior'])
      expect(meta[key], key).toBeDefined();
    expect(statSync(join(DIR, 'model.json')).size).toBeGreaterThan(0);
  });

  it('recommends camping things to a shopper who viewed tents', () => {
    expect(tents.length).toBeGreaterThanOrEqual(3);
    const history = tentHistory();
    const scores = scoreAll(demo.model, history);
    const seen = new Set(Array.from(history.items, (i) => i - 1));
    const top = Array.from(scores.keys())
      .filter((i) => !seen.has(i))
      .sort((a, b) => (scores[b] as number) - (scores[a] as number))
      .slice(0, 10);
    const byId = new Map(catalog.map((i) => [i.id, i]));
    const items = top.map((i) => byId.get(meta.vocabulary[i] as string));
    const camping = items.filter(isCamping).length;
    expect(
      camping,
      items.map((i) => `${i?.title} (${i?.category.join('/')})`).join('\n'),
    ).toBeGreaterThanOrEqual(7);
  });

  it('carries the catalog prior, wired to this catalog and calibrated: what goes with a tent comes first', () => {
    const encoder = getEncoder(demo.model);
    const prior = encoder.catalogPrior();
    expect(prior, 'models/demo has no catalog prior (complementsPerItem 0)').not.toBeNull();
    expect(Array.from(prior!.table)).toEqual(
      Array.from(complementTable(meta.vocabulary, catalog, encoder.cfg.complementsPerItem)),
    );
    expect(Array.from(prior!.leaves)).toEqual(Array.from(leafTable(meta.vocabulary, catalog)));
    const calibration = meta['prior'] as { bonus: number[]; before: number; after: number };
    expect(Array.from(prior!.bonus)).toEqual(calibration.bonus);
    expect(calibration.bonus[0]).toBeGreaterThan(0);
    expect(calibration.after).toBeGreaterThan(calibration.before);
    // The latest tent's catalog complements outrank everything else it has not seen.
    const history = tentHistory(1);
    const scores = scoreAll(demo.model, history);
    const tent = tents[0] as CatalogItem;
    const complements = new Set((tent.complements ?? []).map((id) => (demo.index.get(id) as number) - 1));
    expect(complements.size).toBeGreaterThan(0);
    const top = Array.from(scores.keys())
      .filter((i) => i !== (history.items[0] as number) - 1)
      .sort((a, b) => (scores[b] as number) - (scores[a] as number))
      .slice(0, complements.size);
    expect(new Set(top)).toEqual(complements);
  });

  it('scores products with no behaviour by their content features', () => {
    const popularity = meta['popularity'] as number[];
    const unseen = meta.vocabulary.flatMap((id, i) => (popularity[i] === 0 ? [i] : []));
    const table = itemMatrix(demo.model);
    const rows = table.arraySync();
    table.dispose();
    const idWeight = getEncoder(demo.model).weights.find((w) => w.originalName.endsWith('item_embedding'));
    const ids = idWeight?.read().arraySync() as number[][];
    // Items absent from pretraining: their vector is their content vector plus an id row that
    // started at zero (it only learned to stay out of the way as a softmax negative).
    const byId = new Map(catalog.map((i) => [i.id, i]));
    for (const i of unseen.slice(0, 5)) {
      const v = contentVector(demo.model, byId.get(meta.vocabulary[i] as string) as CatalogItem);
      const content = v.arraySync();
      v.dispose();
      expect(content.some((x) => x !== 0)).toBe(true);
      rows[i]?.forEach((x, d) =>
        expect(x - (ids[i + 1]?.[d] as number)).toBeCloseTo(content[d] as number, 4),
      );
    }

    // A brand-new tent added after pretraining outranks a brand-new saucepan for the tent shopper.
    const tent = tents[tents.length - 1] as CatalogItem;
    const pan = catalog.find((i) => i.category[0] === 'Kitchen') as CatalogItem;
    const newTent: CatalogItem = { ...tent, id: 'p-new-tent', title: `${tent.title} Pro` };
    const newPan: CatalogItem = { ...pan, id: 'p-new-pan', title: `${pan.title} Pro` };
    const scores = tf.tidy(() => {
      const user = userRepresentation(demo.model, [tentHistory()]);
      const items = tf.stack([contentVector(demo.model, newTent), contentVector(demo.model, newPan)]);
      return user.matMul(items, false, true).dataSync();
    });
    const [tentScore, panScore] = Array.from(scores);
    expect(Number.isFinite(tentScore)).toBe(true);
    expect(tentScore).toBeGreaterThan(panScore as number);
    const all = Array.from(scoreAll(demo.model, tentHistory())).sort((a, b) => a - b);
    expect(tentScore).toBeGreaterThan(all[Math.floor(all.length / 2)] as number);
  });
});
