import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateCatalog, type CatalogItem } from '../../src/engine/node.ts';
import { generateCatalog, type GeneratedCatalog } from './generate.ts';
import { allLeaves } from './taxonomy.ts';
import { serializeCatalog, serializeImageBundle } from './write.ts';

const PUBLIC = join(import.meta.dirname, '..', '..', 'public');
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

let generated: GeneratedCatalog;
let items: CatalogItem[];
beforeAll(() => {
  generated = generateCatalog();
  items = generated.catalog.items;
});

const leafName = (item: CatalogItem): string => item.category[2] ?? '';

describe('demo catalog', () => {
  it('is deterministic in memory', () => {
    const again = generateCatalog();
    expect(serializeCatalog(again)).toBe(serializeCatalog(generated));
    expect([...again.images]).toEqual([...generated.images]);
    expect(serializeCatalog(generateCatalog({ seed: 99 }))).not.toBe(serializeCatalog(generated));
  });

  it('matches the committed public/catalog.json and a sample of images', () => {
    const committed = readFileSync(join(PUBLIC, 'catalog.json'), 'utf8');
    const fresh = serializeCatalog(generated);
    // The first 50 items by hash first, for a readable failure, then the whole file.
    const head = (text: string): string => sha(text.split('\n').slice(0, 51).join('\n'));
    expect(head(committed)).toBe(head(fresh));
    expect(sha(committed)).toBe(sha(fresh));
    const ids = items.filter((_, i) => i % 480 === 0).map((item) => item.id);
    expect(ids.length).toBe(5);
    for (const id of ids)
      expect(sha(readFileSync(join(PUBLIC, 'images', `${id}.svg`), 'utf8'))).toBe(
        sha(generated.images.get(id) ?? ''),
      );
    expect(readdirSync(join(PUBLIC, 'images')).filter((f) => f.endsWith('.svg')).length).toBe(items.length);
    expect(sha(readFileSync(join(PUBLIC, 'images.json'), 'utf8'))).toBe(sha(serializeImageBundle(generated)));
  });

  it('passes validateCatalog with at least 2000 items in at least 12 categories', () => {
    expect(() => validateCatalog(JSON.parse(serializeCatalog(generated)))).not.toThrow();
    expect(generated.catalog.version).toMatch(/^demo-\d+$/);
    expect(items.length).toBeGreaterThanOrEqual(2000);
    const tops = new Map<string, Set<string>>();
    for (const item of items) {
      expect(item.category).toHaveLength(3);
      const [top = '', mid = ''] = item.category;
      tops.set(top, (tops.get(top) ?? new Set()).add(mid));
    }
    expect(tops.size).toBeGreaterThanOrEqual(12);
    const withSubs = [...tops.values()].filter((mids) => mids.size >= 2).length;
    expect(withSubs).toBeGreaterThanOrEqual(12);
  });

  it('has ids, relative image urls, attributes, unique titles and short descriptions', () => {
    expect(items[0]?.id).toBe('p-0001');
    expect(new Set(items.map((i) => i.title)).size).toBe(items.length);
    for (const item of items) {
      expect(item.id).toMatch(/^p-\d{4}$/);
      expect(item.image).toBe(`images/${item.id}.svg`);
      expect(Object.keys(item.attributes ?? {})).toEqual(
        expect.arrayContaining(['colour', 'material', 'size', 'style']),
      );
      const sentences = item.description.split(/(?<=\.)\s+/).length;
      expect(sentences).toBeGreaterThanOrEqual(1);
      expect(sentences).toBeLessThanOrEqual(2);
      expect(item.description).not.toMatch(/undefined|NaN/);
      expect(item.tags.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('prices items within their category range, premium brands above budget ones', () => {
    const ranges = new Map(allLeaves().map((r) => [r.leaf.name, r.leaf.price]));
    for (const item of items) {
      const [lo, hi] = ranges.get(leafName(item)) ?? [0, 0];
      expect(item.price).toBeGreaterThanOrEqual(lo * 0.9);
      expect(item.price).toBeLessThanOrEqual(hi * 1.05);
    }
    // Tents: the premium Trailhawk averages well above the budget Camply.
    const mean = (brand: string): number => {
      const prices = items.filter((i) => leafName(i) === 'Tents' && i.brand === brand).map((i) => i.price);
      return prices.reduce((s, p) => s + p, 0) / prices.length;
    };
    expect(mean('Trailhawk')).toBeGreaterThan(2 * mean('Camply'));
  });

  it('links complements only within the sub-category rules', () => {
    const rules = new Map(
      allLeaves().map((r) => [
        r.leaf.name,
        new Set(r.leaf.complements.map((k) => allLeaves().find((x) => x.leaf.key === k)?.leaf.name)),
      ]),
    );
    const byId = new Map(items.map((i) => [i.id, i]));
    let links = 0;
    for (const item of items) {
      const allowed = rules.get(leafName(item)) ?? new Set();
      expect(item.complements?.length ?? 0).toBeGreaterThan(0);
      for (const other of item.complements ?? []) {
        expect(other).not.toBe(item.id);
        expect(allowed.has(leafName(byId.get(other)!))).toBe(true);
        links++;
      }
    }
    expect(links / items.length).toBeGreaterThan(2);
    const tent = items.find((i) => leafName(i) === 'Tents')!;
    expect(tent.complements!.map((id) => leafName(byId.get(id)!))).toContain('Sleeping Bags');
    const phone = items.find((i) => leafName(i) === 'Smartphones')!;
    expect(phone.complements!.map((id) => leafName(byId.get(id)!))).toContain('Phone Cases');
  });

  it('draws small, well-formed SVG thumbnails', () => {
    let total = 0;
    for (const item of items) {
      const svg = generated.images.get(item.id) ?? '';
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
      expect(svg).not.toMatch(/undefined|NaN/);
      expect(svg.length).toBeLessThan(1536);
      total += svg.length;
    }
    expect(total).toBeLessThan(4 * 1024 * 1024);
    expect(existsSync(join(PUBLIC, 'images', 'p-0001.svg'))).toBe(true);
  });
});
