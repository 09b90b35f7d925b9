import { describeValue } from '../errors.ts';
import type { TrainingRun } from './run.ts';

/*
 * The run log as it is read back from IndexedDB: each record is checked once, here, so the
 * devtools get typed runs. A record this version cannot read (another version's, or damaged)
 * is left out and named, instead of breaking the Training tab on a missing field.
 */

type Kind = 'string' | 'number' | 'boolean' | 'numbers';

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Numbers may be NaN (a held-back loss with nothing held back), so only the type is checked. */
function hasKind(value: unknown, kind: Kind): boolean {
  if (kind === 'numbers') return Array.isArray(value) && value.every((v) => typeof v === 'number');
  return typeof value === kind;
}

const EXPECTED: Record<Kind, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  numbers: 'an array of numbers',
};

/** `prefix` is the dotted path of `record` in the run ("" at the top, "before." inside `before`). */
function checkFields(prefix: string, record: Record<string, unknown>, fields: Record<string, Kind>): void {
  for (const [field, kind] of Object.entries(fields))
    if (!hasKind(record[field], kind))
      throw new Error(`"${prefix}${field}" is ${describeValue(record[field])}; expected ${EXPECTED[kind]}`);
}

function checkObject(path: string, value: unknown, fields: Record<string, Kind>, nullable: boolean): void {
  if (nullable && value === null) return;
  if (!isRecord(value))
    throw new Error(`"${path}" is ${describeValue(value)}; expected an object${nullable ? ' or null' : ''}`);
  checkFields(`${path}.`, value, fields);
}

const RUN_FIELDS: Record<string, Kind> = {
  trigger: 'string',
  startedAt: 'number',
  steps: 'number',
  losses: 'numbers',
  heldBackLosses: 'numbers',
  trainableParams: 'number',
  examples: 'number',
  heldBack: 'number',
  accepted: 'boolean',
  reason: 'string',
  ms: 'number',
  msPerStep: 'number',
  backend: 'string',
};
const HELD_BACK: Record<string, Kind> = {
  mrr: 'number',
  'HR@10': 'number',
  'NDCG@10': 'number',
  loss: 'number',
};
const RERANKER_FIELDS: Record<string, Kind> = {
  version: 'string',
  verdict: 'string',
  accepted: 'boolean',
  reason: 'string',
  lists: 'number',
  trainLists: 'number',
  trainRows: 'number',
  heldBackLists: 'number',
  steps: 'number',
  bestStep: 'number',
  losses: 'numbers',
  localClickRate: 'number',
  globalClickRate: 'number',
  ms: 'number',
};
const RERANKER_METRICS: Record<string, Kind> = {
  MRR: 'number',
  accuracy: 'number',
  auc: 'number',
  logLoss: 'number',
  examples: 'number',
  positives: 'number',
};

/** One logged run, checked field by field; throws naming the first bad field. */
export function readRun(value: unknown): TrainingRun {
  if (!isRecord(value)) throw new Error(`the record is ${describeValue(value)}; expected an object`);
  checkFields('', value, RUN_FIELDS);
  checkObject('before', value.before, HELD_BACK, true);
  checkObject('after', value.after, HELD_BACK, true);
  // Runs logged before the re-ranker existed have no `reranker` field.
  if (value.reranker !== undefined && value.reranker !== null) {
    checkObject('reranker', value.reranker, RERANKER_FIELDS, false);
    const reranker = value.reranker as Record<string, unknown>;
    checkObject('reranker.before', reranker.before, RERANKER_METRICS, false);
    checkObject('reranker.after', reranker.after, RERANKER_METRICS, false);
  }
  return value as unknown as TrainingRun;
}

/** The runs this version can read, oldest first, and a sentence on those it left out (null: none). */
export function readRunLog(records: readonly unknown[]): { runs: TrainingRun[]; unreadable: string | null } {
  const runs: TrainingRun[] = [];
  let first: string | null = null;
  records.forEach((record, i) => {
    try {
      runs.push(readRun(record));
    } catch (error) {
      first ??= `record ${i + 1}: ${(error as Error).message}`;
    }
  });
  const left = records.length - runs.length;
  return {
    runs,
    unreadable:
      left === 0
        ? null
        : `${left} of ${records.length} logged training runs could not be read and are not shown (${first}); ` +
          'they stay in the log until it rotates or "delete everything" clears it',
  };
}
