/** Writes a generated catalog to disk: catalog.json plus one SVG per item. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedCatalog } from './generate.ts';

/** The exact bytes of catalog.json, shared with the test that checks the committed file. */
export function serializeCatalog(generated: GeneratedCatalog): string {
  // One item per line: compact, yet a regenerated catalog diffs readably.
  const { version, items } = generated.catalog;
  return `{"version":${JSON.stringify(version)},"items":[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]}\n`;
}

/**
 * Every thumbnail in one file (id → SVG). The shop loads it once, so which product
 * pictures a shopper looks at never shows up as separate requests on the server.
 */
export function serializeImageBundle(generated: GeneratedCatalog): string {
  const lines = [...generated.images].map(([id, svg]) => `${JSON.stringify(id)}:${JSON.stringify(svg)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

export function writeCatalog(
  generated: GeneratedCatalog,
  publicDir: string,
): { catalogBytes: number; imageBytes: number } {
  const imagesDir = join(publicDir, 'images');
  mkdirSync(imagesDir, { recursive: true });
  // Remove thumbnails of items that no longer exist, so the folder mirrors the catalog.
  for (const name of readdirSync(imagesDir)) {
    if (/^p-\d+\.svg$/.test(name) && !generated.images.has(name.slice(0, -4))) rmSync(join(imagesDir, name));
  }
  let imageBytes = 0;
  for (const [id, svg] of generated.images) {
    writeFileSync(join(imagesDir, `${id}.svg`), svg);
    imageBytes += Buffer.byteLength(svg);
  }
  const json = serializeCatalog(generated);
  writeFileSync(join(publicDir, 'catalog.json'), json);
  writeFileSync(join(publicDir, 'images.json'), serializeImageBundle(generated));
  return { catalogBytes: Buffer.byteLength(json), imageBytes };
}
