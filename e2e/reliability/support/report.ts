import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test as base } from '@playwright/test';

/**
 * The reliability table, written by the test run itself: each test states the fault and
 * what it expected, records what it observed, and on teardown its row (with pass/fail) is
 * merged into bench/results/reliability.json, from which reliability.md is re-rendered.
 * Rows are keyed by id, so running one spec updates its rows and keeps the others.
 */
const JSON_PATH = 'bench/results/reliability.json';
const MD_PATH = 'bench/results/reliability.md';

export interface Row {
  /** Stable sort key, e.g. "B2". */
  id: string;
  fault: string;
  expected: string;
  observed: string;
  result: 'pass' | 'fail';
  /** Date of the run (UTC, day only, so reruns on one day do not churn the file). */
  date: string;
  seconds: number;
}

export interface RowBuilder {
  /** Declares the fault and the expected behaviour; call first. */
  fault(id: string, fault: string, expected: string): void;
  /** Adds one observation (a measured fact, phrased for the table). */
  observe(fact: string): void;
}

function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function render(rows: Row[]): string {
  const passed = rows.filter((r) => r.result === 'pass').length;
  const lines = [
    '# Reliability and security: faults injected, and what happened',
    '',
    'Written by `npx playwright test e2e/reliability` (each test records its own row; see',
    '`e2e/reliability/support/report.ts`). Do not edit by hand.',
    '',
    `${passed} of ${rows.length} passed.`,
    '',
    '| # | Fault | Expected | Observed | Result | Run |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.id} | ${cell(r.fault)} | ${cell(r.expected)} | ${cell(r.observed)} | ${r.result === 'pass' ? 'pass' : '**FAIL**'} | ${r.date}, ${r.seconds.toFixed(1)} s |`,
    ),
    '',
    'Faults from the same issue that other specs already inject (they run in `npm test`, not here):',
    '',
    '- IndexedDB quota exceeded (prune, retry, overflow to memory), IndexedDB unavailable (memory,',
    '  with the reason), a version-1 database (migrated, events kept), two tabs writing, bad events',
    '  refused: `e2e/event-store.spec.ts`.',
    '- A corrupt or truncated personal model (discarded with a reason), the WebGL context lost in',
    '  the middle of training (run moves to wasm and completes), two tabs never training at once,',
    '  no tensor leak: `e2e/on-device-learning.spec.ts`.',
    '- The widget on a foreign site under a strict CSP header, with and without',
    "  'wasm-unsafe-eval', and with bad configuration: `e2e/widget.spec.ts`.",
    '',
  ];
  return lines.join('\n');
}

function saveRow(row: Row): void {
  const rows: Row[] = existsSync(JSON_PATH) ? (JSON.parse(readFileSync(JSON_PATH, 'utf8')) as Row[]) : [];
  const merged = [...rows.filter((r) => r.id !== row.id), row].sort((a, b) =>
    a.id.localeCompare(b.id, 'en', { numeric: true }),
  );
  writeAtomic(JSON_PATH, `${JSON.stringify(merged, null, 2)}\n`);
  writeAtomic(MD_PATH, render(merged));
}

/** `test` with a `row` fixture: the row is saved after the test, passed or failed. */
export const test = base.extend<{ row: RowBuilder }>({
  // Playwright requires the object pattern even when no other fixture is needed.
  // eslint-disable-next-line no-empty-pattern
  row: async ({}, provide, info) => {
    const started = Date.now();
    let head: Pick<Row, 'id' | 'fault' | 'expected'> | null = null;
    const facts: string[] = [];
    await provide({
      fault: (id, fault, expected) => (head = { id, fault, expected }),
      observe: (fact) => facts.push(fact),
    });
    if (!head) return;
    const passed = info.status === info.expectedStatus;
    // eslint-disable-next-line no-control-regex
    const message = (info.error?.message ?? String(info.status)).replace(/\u001b\[[0-9;]*m/g, '');
    const why = passed ? '' : ` — failed: ${message.split('\n')[0]}`;
    saveRow({
      ...(head as Pick<Row, 'id' | 'fault' | 'expected'>),
      observed: `${facts.join('; ')}${why}`,
      result: passed ? 'pass' : 'fail',
      date: new Date().toISOString().slice(0, 10),
      seconds: (Date.now() - started) / 1000,
    });
  },
});

export { expect } from '@playwright/test';
