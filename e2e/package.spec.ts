import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'vite';
import { serveFolder, type StaticSite } from './support/static-site.ts';

/**
 * The npm package as a site owner gets it: `npm pack` (which builds it), then the tarball
 * installed into two scratch sites in a temp folder: a Vite + React app that imports
 * `localshelf` and `localshelf/react` and is built by Vite, and a plain HTML page that copies
 * the package's widget folder. Both serve the tiny fixture model and render shelves in
 * Chromium, with the worker on wasm (so the wasm files made it through the site's build).
 */

const REPO = resolve(import.meta.dirname, '..');
const FIXTURES = join(REPO, 'e2e/fixtures');
const PORTS = { react: 5580, plain: 5581 };
const versionIn = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
/** The versions this checkout installed, so the scratch installs come from the npm cache. */
const version = (name: string) => versionIn(join(REPO, 'node_modules', name));

let scratch = '';
let tarball = '';
const sites: StaticSite[] = [];

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** The site's own files: the tiny model and a catalog with its images, as a site hosts them. */
function addCatalogAndModel(dir: string): void {
  cpSync(join(FIXTURES, 'tiny'), join(dir, 'model'), { recursive: true });
  cpSync(join(FIXTURES, 'widget-host/data/catalog.json'), join(dir, 'catalog.json'));
  cpSync(join(FIXTURES, 'widget-host/data/images'), join(dir, 'images'), { recursive: true });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  scratch = mkdtempSync(join(tmpdir(), 'localshelf-package-'));
  // `npm pack` runs prepack, i.e. `npm run build:package`: the tarball is built from this checkout.
  const started = Date.now();
  npm(['pack', '--pack-destination', scratch], REPO);
  console.log(`npm pack (building the package): ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const packed = readdirSync(scratch).filter((f) => f.endsWith('.tgz'));
  expect(packed, `one tarball in ${scratch}`).toHaveLength(1);
  tarball = join(scratch, packed[0]!);
});

test.afterAll(async () => {
  await Promise.all(sites.map((s) => s.close()));
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function watch(page: Page) {
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  page.on('pageerror', (e) => failed.push(e.message));
  page.on('console', (m) => m.type() === 'error' && failed.push(m.text()));
  return failed;
}

const backendOf = (page: Page) =>
  page.evaluate(async () => {
    const w = window as unknown as {
      LocalShelf?: { state(): Promise<{ backend: { name: string } | null } | null> };
    };
    return (await w.LocalShelf?.state())?.backend?.name ?? null;
  });

test('the tarball ships the bundles, the worker and wasm, the declarations, the license and the changelog', () => {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
  for (const file of [
    'package/LICENSE',
    'package/CHANGELOG.md',
    'package/dist/widget/localshelf.js',
    'package/dist/widget/localshelf.iife.js',
    'package/dist/widget/engine.js',
    'package/dist/widget/react.js',
    'package/dist/widget/THIRD-PARTY-LICENSES.txt',
    'package/dist/widget/assets/tfjs-backend-wasm-simd.wasm',
    'package/dist/types/widget/index.d.ts',
    'package/dist/types/engine/index.d.ts',
    'package/dist/types/react/index.d.ts',
  ])
    expect(files, file).toContain(file);
  expect(files.some((f) => /^package\/dist\/widget\/assets\/worker-[\w-]+\.js$/.test(f))).toBe(true);
  // Nothing of the repository's own beyond the package: no sources, tests or models.
  expect(files.filter((f) => /^package\/(src|e2e|models|scripts|bench)\//.test(f))).toEqual([]);
});

test('a Vite + React app built with the package renders <LocalShelfShelf> and useRecommendations() cards', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = join(scratch, 'react-app');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'scratch-react-shop',
      private: true,
      type: 'module',
      dependencies: {
        localshelf: `file:${tarball}`,
        react: version('react'),
        'react-dom': version('react-dom'),
      },
    }),
  );
  npm(['install'], app);
  writeFileSync(
    join(app, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Scratch shop</title><link rel="icon" href="data:,"></head>' +
      '<body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>',
  );
  writeFileSync(
    join(app, 'src/main.jsx'),
    `import { createRoot } from 'react-dom/client';
import * as LocalShelf from 'localshelf';
import { LocalShelfShelf, useRecommendations } from 'localshelf/react';

LocalShelf.init({ catalog: '/catalog.json', model: '/model/' });
window.LocalShelf = LocalShelf;

function OwnCards() {
  const { status, shelf } = useRecommendations({ kind: 'trending', limit: 3 });
  return (
    <ul id="own-cards" data-status={status}>
      {shelf?.items.map((r) => <li key={r.itemId}>{r.product?.title}: {r.explanation}</li>)}
    </ul>
  );
}

createRoot(document.getElementById('root')).render(
  <>
    <LocalShelfShelf id="shelf" kind="trending" limit={4} heading="Popular here" />
    <OwnCards />
  </>,
);
`,
  );
  mkdirSync(join(app, 'public'));
  addCatalogAndModel(join(app, 'public'));
  // The site's own build, with the settings docs/embed.md gives for Vite.
  await build({
    root: app,
    configFile: false,
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic' } },
    worker: { format: 'es' },
    build: { outDir: join(app, 'dist'), emptyOutDir: true },
  });
  const site = await serveFolder(join(app, 'dist'), PORTS.react);
  sites.push(site);

  const failed = watch(page);
  await page.goto(site.origin);
  const shelf = page.locator('#shelf');
  await expect(shelf).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  await expect(shelf.locator('[part~="heading"]')).toHaveText('Popular here');
  await expect(shelf.locator('[part~="item"]')).toHaveCount(4);
  await expect(page.locator('#own-cards')).toHaveAttribute('data-status', 'ready');
  await expect(page.locator('#own-cards li')).toHaveCount(3);
  await expect(page.locator('#own-cards li').first()).toContainText('Popular with shoppers right now (#1)');
  expect(await backendOf(page)).toBe('wasm');
  expect(
    await page.evaluate(() => (window as unknown as { LocalShelf: { version: string } }).LocalShelf.version),
  ).toBe(versionIn(REPO));
  expect(failed).toEqual([]);
  expect(site.missing).toEqual([]);
});

test('a plain HTML page with the package’s widget folder copied in renders its shelf', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = join(scratch, 'plain');
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch-plain-site', private: true }));
  npm(['install', tarball], dir);
  // The "build" of a plain site: copy the folder, as docs/embed.md says.
  const site = join(dir, 'site');
  cpSync(join(dir, 'node_modules/localshelf/dist/widget'), join(site, 'vendor/localshelf'), {
    recursive: true,
  });
  addCatalogAndModel(site);
  writeFileSync(
    join(site, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Plain shop</title><link rel="icon" href="data:,">' +
      '<script src="vendor/localshelf/localshelf.iife.js"></script></head><body>' +
      '<local-shelf id="shelf" kind="trending" limit="3" catalog="catalog.json" model="model/"></local-shelf>' +
      '</body></html>',
  );
  expect(existsSync(join(site, 'vendor/localshelf/THIRD-PARTY-LICENSES.txt'))).toBe(true);
  const server = await serveFolder(site, PORTS.plain);
  sites.push(server);

  const failed = watch(page);
  await page.goto(server.origin);
  const shelf = page.locator('#shelf');
  await expect(shelf).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  await expect(shelf.locator('[part~="item"]')).toHaveCount(3);
  expect(await backendOf(page)).toBe('wasm');
  expect(failed).toEqual([]);
  expect(server.missing).toEqual([]);
});
