import { defineConfig } from 'vitest/config';

// Unit tests: pure logic in Node. Anything that needs IndexedDB, a Worker or
// WebGL is tested in real Chromium by Playwright (e2e/).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'lib/**/*.test.ts'],
    environment: 'node',
    // One module graph per test worker, not per file: importing tfjs and the engine afresh for
    // each of the 63 files took ~60 of the run's 80 s here (18 s without). No file relies on a
    // fresh module state: three shuffled orders passed (`--sequence.shuffle`).
    isolate: false,
    testTimeout: 60_000,
    // Hooks pretrain small models too (rerank/finetune.test.ts): the same slack as tests on a loaded machine.
    hookTimeout: 60_000,
  },
});
