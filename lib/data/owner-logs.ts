import { validateEvent, type EventKind } from '../../src/engine/node.ts';

/**
 * The logs a site owner already has, read into per-user steps (string ids, as in the catalog):
 * - CSV `user,item,timestamp[,kind]`, with or without a header line (columns by name then);
 * - JSONL of `{"user": ..., "item": ..., "timestamp": ..., "kind"?: ...}`;
 * - LocalShelf event JSONL: one event per line (`kind`, `itemId`, `ts`, ...) with a `shopper`
 *   (or `user`) field.
 * Timestamps are milliseconds or seconds since 1970, or ISO 8601 dates. Errors name the line
 * and the field.
 */

/** One interaction of one user. */
export interface LogStep {
  user: string;
  itemId: string;
  kind: EventKind;
  ts: number;
  line: number;
}

/** A log file problem: names the line (1-based), the field and what was expected. */
export class LogError extends Error {
  override readonly name = 'LogError';
  constructor(
    readonly line: number,
    readonly field: string,
    message: string,
  ) {
    super(`line ${line}: ${field} ${message}`);
  }
}

/** Kinds that say a user was interested in an item; others (search, impression) are not steps. */
export const STEP_KINDS: readonly EventKind[] = ['view', 'click', 'add_to_cart', 'purchase', 'dwell'];
/** Kinds recorded in logs that are not interest in an item: skipped, not errors. */
const SKIPPED_KINDS: readonly string[] = ['remove_from_cart', 'search', 'impression'];
/** Kind of a row that has none. */
export const DEFAULT_LOG_KIND: EventKind = 'view';

const quote = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** Seconds below this are read as seconds (1e11 ms is 1973; 1e11 s is the year 5138). */
const SECONDS_BELOW = 1e11;

export function parseTimestamp(value: unknown, line: number, field = '"timestamp"'): number {
  const expected =
    'expected milliseconds or seconds since 1970, or an ISO 8601 date such as "2026-03-01T12:00:00Z"';
  if (typeof value === 'number' && Number.isFinite(value) && value > 0)
    return value < SECONDS_BELOW ? value * 1000 : value;
  if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return parseTimestamp(Number(text), line, field);
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return ms;
  }
  throw new LogError(line, field, `is ${quote(value)}; ${expected}`);
}

function parseKind(value: unknown, line: number): EventKind | null {
  if (value === undefined || value === null || value === '') return DEFAULT_LOG_KIND;
  const kind = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (typeof kind === 'string' && (STEP_KINDS as readonly string[]).includes(kind)) return kind as EventKind;
  if (typeof kind === 'string' && SKIPPED_KINDS.includes(kind)) return null;
  throw new LogError(
    line,
    '"kind"',
    `is ${quote(value)}; expected one of ${[...STEP_KINDS, ...SKIPPED_KINDS].join(', ')} (or none: ${DEFAULT_LOG_KIND})`,
  );
}

function parseId(value: unknown, line: number, field: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '')
    throw new LogError(line, field, `is ${quote(value)}; expected a non-empty id`);
  return value.trim();
}

/** Splits one CSV line; fields may be quoted ("a, b"), with "" for a quote inside. */
export function splitCsvLine(text: string, line: number): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) throw new LogError(line, 'a quoted field', 'is not closed; expected a closing "');
  fields.push(field);
  return fields.map((f) => f.trim());
}

const COLUMN_NAMES: Record<'user' | 'item' | 'timestamp' | 'kind', readonly string[]> = {
  user: ['user', 'user_id', 'userid', 'visitor', 'visitor_id', 'shopper', 'customer', 'customer_id'],
  item: ['item', 'item_id', 'itemid', 'product', 'product_id', 'sku'],
  timestamp: ['timestamp', 'ts', 'time', 'date', 'datetime'],
  kind: ['kind', 'event', 'event_type', 'type', 'action'],
};

/** CSV of user,item,timestamp[,kind]; a first line naming the columns maps them by name. */
export function parseInteractionCsv(text: string): LogStep[] {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new LogError(1, 'the file', 'is empty; expected CSV lines user,item,timestamp[,kind]');
  const head = splitCsvLine(lines[first]!, first + 1).map((h) => h.toLowerCase());
  const named =
    head.some((h) => COLUMN_NAMES.user.includes(h)) && head.some((h) => COLUMN_NAMES.item.includes(h));
  const column = (name: keyof typeof COLUMN_NAMES, position: number) =>
    named ? head.findIndex((h) => COLUMN_NAMES[name].includes(h)) : position;
  const at = {
    user: column('user', 0),
    item: column('item', 1),
    ts: column('timestamp', 2),
    kind: column('kind', 3),
  };
  if (at.ts < 0)
    throw new LogError(
      first + 1,
      'the header',
      `${quote(lines[first])} has no timestamp column; expected one of ${COLUMN_NAMES.timestamp.join(', ')}`,
    );
  const steps: LogStep[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '' || (named && i === first)) return;
    const line = i + 1;
    const fields = splitCsvLine(raw, line);
    if (fields.length < 3)
      throw new LogError(
        line,
        'the row',
        `${quote(raw)} has ${fields.length} fields; expected user,item,timestamp[,kind]`,
      );
    const kind = parseKind(at.kind >= 0 ? fields[at.kind] : undefined, line);
    if (!kind) return;
    steps.push({
      user: parseId(fields[at.user], line, '"user"'),
      itemId: parseId(fields[at.item], line, '"item"'),
      ts: parseTimestamp(fields[at.ts], line),
      kind,
      line,
    });
  });
  return steps;
}

/**
 * JSONL, one interaction per line: `{"user", "item", "timestamp", "kind"?}`, or a LocalShelf
 * event (`kind`, `itemId`, `ts`, ... as `track()` takes them) with a `shopper` or `user` field.
 */
export function parseInteractionJsonl(text: string): LogStep[] {
  const steps: LogStep[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (e) {
      throw new LogError(
        line,
        'the line',
        `is not valid JSON (${(e as Error).message}); expected one JSON object per line`,
      );
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
      throw new LogError(line, 'the line', `is ${quote(raw.slice(0, 40))}; expected a JSON object`);
    const rec = obj as Record<string, unknown>;
    const step = 'itemId' in rec ? localShelfEvent(rec, line) : interaction(rec, line);
    if (step) steps.push(step);
  });
  return steps;
}

function interaction(rec: Record<string, unknown>, line: number): LogStep | null {
  const kind = parseKind(rec.kind, line);
  if (!kind) return null;
  return {
    user: parseId(rec.user ?? rec.shopper, line, '"user"'),
    itemId: parseId(rec.item, line, '"item"'),
    ts: parseTimestamp(rec.timestamp ?? rec.ts, line),
    kind,
    line,
  };
}

/** A LocalShelf event with its user, checked by the same validator `track()` uses. */
function localShelfEvent(rec: Record<string, unknown>, line: number): LogStep | null {
  const { shopper, user, ...event } = rec;
  const who = parseId(shopper ?? user, line, '"shopper"');
  const ts = parseTimestamp(event.ts, line, '"ts"');
  let valid;
  try {
    valid = validateEvent({ id: `line-${line}`, sessionId: who, ...event, ts });
  } catch (e) {
    throw new LogError(line, 'the event', `is not a LocalShelf event: ${(e as Error).message}`);
  }
  if (!('itemId' in valid) || !(STEP_KINDS as readonly string[]).includes(valid.kind)) return null;
  return { user: who, itemId: valid.itemId, kind: valid.kind, ts, line };
}
