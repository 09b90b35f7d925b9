import { defineConfig } from 'vitest/config';

// Unit tests: pure logic in Node. Anything that needs IndexedDB, a Worker or
// WebGL is tested in real Chromium by Playwright (e2e/).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'lib/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Hooks pretrain small models too (rerank/finetune.test.ts): the same slack as tests on a loaded machine.
    hookTimeout: 60_000,
  },
});
