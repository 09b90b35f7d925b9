/**
 * Reads an impression log for the re-ranker: the trivago challenge format (one action per
 * row) or LocalShelf's own event JSONL (`{"shopper": id, "events": [...]}` per line, as
 * `npm run simulate` writes). Gzip files are read in place.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { validateEvent, type ShopEvent } from '../../src/engine/node.ts';
import { DatasetError } from './read-dataset.ts';
import { parseTrivago } from './trivago.ts';

export type LogFormat = 'trivago' | 'localshelf';

export function readText(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Which format a log is in, from its first non-blank line. */
export function detectFormat(text: string): LogFormat {
  const first = text.split('\n').find((l) => l.trim() !== '');
  if (first === undefined) throw new DatasetError(1, 'the file is empty; expected JSON lines');
  let row: unknown;
  try {
    row = JSON.parse(first);
  } catch (e) {
    throw new DatasetError(1, `not JSON (${(e as Error).message}); expected JSON lines`);
  }
  if (row && typeof row === 'object' && 'action_type' in row) return 'trivago';
  if (row && typeof row === 'object' && 'events' in row) return 'localshelf';
  throw new DatasetError(
    1,
    `fields ${JSON.stringify(Object.keys(row ?? {}))}; expected a trivago row (user_id, action_type, ...) or {"shopper", "events"}`,
  );
}

/** LocalShelf event JSONL → shopper → events (validated, oldest first). */
export function parseLocalShelfLog(text: string): Map<string, ShopEvent[]> {
  const out = new Map<string, ShopEvent[]>();
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 1;
    let row: { shopper?: unknown; events?: unknown };
    try {
      row = JSON.parse(raw);
    } catch (e) {
      throw new DatasetError(line, `not JSON (${(e as Error).message}); expected {"shopper", "events"}`);
    }
    if (typeof row.shopper !== 'string' && typeof row.shopper !== 'number')
      throw new DatasetError(line, `field "shopper" is ${JSON.stringify(row.shopper)}; expected a string id`);
    if (!Array.isArray(row.events))
      throw new DatasetError(
        line,
        `field "events" is ${JSON.stringify(row.events)?.slice(0, 40)}; expected an array of events`,
      );
    const events = row.events.map((e, k) => {
      try {
        return validateEvent(e);
      } catch (error) {
        throw new DatasetError(line, `events[${k}]: ${(error as Error).message}`);
      }
    });
    out.set(
      String(row.shopper),
      events.sort((a, b) => a.ts - b.ts),
    );
  });
  if (out.size === 0) throw new DatasetError(1, 'the file has no shoppers');
  return out;
}

/** Reads any supported impression log into shopper → events. */
export function readImpressionLog(path: string): { format: LogFormat; shoppers: Map<string, ShopEvent[]> } {
  const text = readText(path);
  const format = detectFormat(text);
  try {
    return { format, shoppers: format === 'trivago' ? parseTrivago(text) : parseLocalShelfLog(text) };
  } catch (e) {
    if (e instanceof DatasetError)
      throw new DatasetError(e.line, `${path}: ${e.message.replace(/^line \d+: /, '')}`);
    throw e;
  }
}
