import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium.ts';

// Override when another server already holds a port.
const PORT = Number(process.env.LOCALSHELF_TEST_PORT ?? 5174);
/** The production build, served as a site would serve it: what the privacy audits look at. */
export const PREVIEW_PORT = Number(process.env.LOCALSHELF_PREVIEW_PORT ?? 5175);
// One build folder per preview port, so two test runs on other ports never clobber each other's build.
const PREVIEW_DIR = PREVIEW_PORT === 5175 ? '.e2e-dist' : `.e2e-dist-${PREVIEW_PORT}`;

// Real Chromium against the Vite dev server (and the production build for audits).
// One worker: these machines have 2 cores, and WebGL under SwiftShader wants both.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
  webServer: [
    {
      command: `LOCALSHELF_NO_HMR=1 npx vite --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // Its own output folder, so a developer's `npm run build` and the tests never clobber each other.
      command: `npx vite build --logLevel warn --outDir ${PREVIEW_DIR} && npx vite preview --outDir ${PREVIEW_DIR} --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort`,
      url: `http://127.0.0.1:${PREVIEW_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
    },
  ],
});
