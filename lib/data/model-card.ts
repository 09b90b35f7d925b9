import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModelCard, type ModelMeta } from '../../src/engine/node.ts';
import type { PretrainOutput } from './pretrain-run.ts';
import { sha256File } from './provenance.ts';
import type { UserSequence } from './read-dataset.ts';

/**
 * The one place that writes a model card (meta.json), for `npm run pretrain` and
 * `npm run demo-model`: everything the browser and the owner need, and nothing about the machine
 * it was trained on (no local paths, no commit; the data is named by its hash).
 */

/** Interactions per vocabulary item over every step of `users`: what "trending" ranks by. */
export function popularityCounts(users: readonly UserSequence[], vocabulary: readonly string[]): number[] {
  const index = new Map(vocabulary.map((id, i) => [id, i]));
  const counts = new Array<number>(vocabulary.length).fill(0);
  for (const u of users)
    for (const id of u.items) {
      const i = index.get(id);
      if (i !== undefined) counts[i] = (counts[i] ?? 0) + 1;
    }
  return counts;
}

export interface CardSource {
  run: PretrainOutput;
  /** The users the model was trained on (popularity is counted over them). */
  users: readonly UserSequence[];
  /** The training log file, hashed (never named). */
  dataFile: string;
  /** The catalog's `version`, when pretraining had one. */
  catalogVersion: string | null;
  /** The folder holding weights.bin, whose hash makes the version. */
  dir: string;
  /** Version prefix, e.g. "model" or "demo". */
  prefix: string;
  backend: string;
  bytes: number;
  heldOut?: ModelMeta['heldOut'];
}

/** Builds and validates the card (a card that fails validation is never written). */
export function modelCard(s: CardSource): ModelMeta {
  const { run } = s;
  const card: ModelMeta = {
    format: 'localshelf-model/1',
    // Personal weights in browsers and the page's cache are keyed by this: it changes with the weights.
    version: `${s.prefix}-${sha256File(join(s.dir, 'weights.bin')).slice(0, 12)}`,
    vocabulary: run.vocabulary,
    popularity: popularityCounts(s.users, run.vocabulary),
    prior: run.prior ?? null,
    transitions: run.transitions
      ? (({ window, similarity, perItem, voters, decay, weight, before, after }) => ({
          window,
          similarity,
          perItem,
          voters,
          decay,
          weight,
          before,
          after,
        }))(run.transitions)
      : null,
    settings: run.settings as unknown as Record<string, number | boolean | string>,
    valid: run.result.valid,
    dataSha256: sha256File(s.dataFile),
    catalogVersion: s.catalogVersion,
    users: s.users.length,
    params: run.params,
    modelBytes: s.bytes,
    epochs: run.result.epochs,
    bestEpoch: run.result.bestEpoch,
    stoppedBy: run.result.stoppedBy,
    // With the refit (settings.refit), its time too; `valid` is the model validation chose, before it.
    trainSeconds: run.result.seconds + (run.refit?.seconds ?? 0),
    backend: s.backend,
    date: new Date().toISOString(),
    ...(s.heldOut ? { heldOut: s.heldOut } : {}),
  };
  return parseModelCard(JSON.parse(JSON.stringify(card)), 'the new model card');
}

export function writeModelCard(dir: string, card: ModelMeta): void {
  writeFileSync(join(dir, 'meta.json'), `${JSON.stringify(parseModelCard(card), null, 1)}\n`);
}

/** Reads and validates `dir/meta.json`. */
export function readModelCard(dir: string): ModelMeta {
  const path = join(dir, 'meta.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(
      `cannot read ${path}: ${(e as Error).message}; expected the model card written by npm run pretrain`,
    );
  }
  return parseModelCard(raw, path);
}
