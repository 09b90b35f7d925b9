import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { WORKER_OUTPUT } from './vite.shared.ts';

/**
 * The embeddable widget as a library: `localshelf.js` (ES module) and
 * `localshelf.iife.js` (classic script, global `LocalShelf`), plus the engine's
 * module worker and the tfjs wasm binaries it loads, all under `assets/`, and the
 * licenses of the third-party code inside them (THIRD-PARTY-LICENSES.txt).
 *
 * The npm package adds two ES entries to the same folder (`npm run build:package`):
 * LOCALSHELF_ENTRY=engine builds `engine.js` (the framework-free engine), and
 * LOCALSHELF_ENTRY=react builds `react.js` (the React binding, which imports the widget
 * from the package itself). The worker they start is the same file as the widget's.
 *
 * Every URL between those files is relative to the file that uses it, so a site can
 * serve the folder at any path of its own origin. Nothing uses eval or `new Function`.
 * The output folder can be moved with LOCALSHELF_WIDGET_OUT (the tests build into
 * their own folder, so a concurrent `vite build` of the shop cannot wipe it).
 */
const outDir = process.env.LOCALSHELF_WIDGET_OUT ?? 'dist/widget';
const ENTRIES = {
  widget: { file: 'src/widget/index.ts', name: 'localshelf' },
  engine: { file: 'src/engine/index.ts', name: 'engine' },
  react: { file: 'src/react/index.ts', name: 'react' },
} as const;
const entryName = (process.env.LOCALSHELF_ENTRY ?? 'widget') as keyof typeof ENTRIES;
const entry = ENTRIES[entryName];
if (!entry)
  throw new Error(
    `LOCALSHELF_ENTRY is "${process.env.LOCALSHELF_ENTRY}"; expected one of ${Object.keys(ENTRIES).join(', ')}`,
  );
const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const WASM_DIR = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];
const WASM_URL_IMPORT = /tfjs-backend-wasm\/dist\/(tfjs-backend-wasm[\w-]*\.wasm)\?url$/;
/** The wasm URLs as the load hook below writes them, after minification. */
const WASM_URL_BUILT = /new URL\((["'`])(tfjs-backend-wasm[\w-]*\.wasm)\1,\s*self\.location\.href\)/g;

/** npm packages whose code ended up in a bundle (the widget's or the worker's), for the license file. */
const bundledPackages = new Set<string>();
function notePackages(moduleIds: readonly string[]): void {
  for (const id of moduleIds) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id.replaceAll('\\', '/'));
    if (match) bundledPackages.add(match[1]!);
  }
}

/**
 * The engine imports the tfjs wasm binaries with `?url`. Library mode inlines every
 * asset as a data: URL, which would add 1.5 MB of base64 to the worker and be fetched
 * under connect-src. Resolve them instead to files beside the worker: `self.location`
 * in a worker is the worker script's own URL.
 */
function wasmBesideWorker(): Plugin {
  const PREFIX = '\0localshelf-wasm:';
  return {
    name: 'localshelf-wasm-beside-worker',
    enforce: 'pre',
    resolveId(source) {
      const match = WASM_URL_IMPORT.exec(source);
      return match ? PREFIX + match[1] : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length);
      return `export default new URL(${JSON.stringify(file)}, self.location.href).href;`;
    },
    // Now that nothing inlines them: `import.meta.url` (the worker script's URL in a module
    // worker, as self.location is) in the literal form bundlers follow, so a site's own
    // bundler that re-bundles the worker from the npm package copies the wasm files too.
    // Also notes the packages the worker bundles, for the license file.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        notePackages(chunk.moduleIds);
        chunk.code = chunk.code.replace(WASM_URL_BUILT, 'new URL("./$2",import.meta.url)');
      }
    },
  };
}

/**
 * The ES bundles start the worker with `new Worker(new URL("./assets/worker-….js",
 * import.meta.url), …)`: the same URL a browser computes from Vite's own nested form, but
 * written so a site's bundler (Vite, webpack) recognises a worker and bundles it along.
 */
function bundlerFriendlyWorkerUrl(): Plugin {
  const NESTED =
    /new URL\(\s*(?:\/\*\s*@vite-ignore\s*\*\/\s*)?new URL\((["'`])(assets\/worker-[\w-]+\.js)\1,\s*import\.meta\.url\)\.href,\s*(?:""|''|``)\s*\+\s*import\.meta\.url\s*\)/g;
  return {
    name: 'localshelf-bundler-friendly-worker-url',
    apply: 'build',
    generateBundle(options, bundle) {
      if (options.format !== 'es') return;
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk')
          chunk.code = chunk.code.replace(NESTED, 'new URL("./$2", import.meta.url)');
    },
  };
}

/** In the React build, the widget is the package's own `localshelf` export, not a second copy. */
function widgetFromPackage(): Plugin {
  return {
    name: 'localshelf-widget-from-package',
    enforce: 'pre',
    resolveId(source, importer) {
      if (entryName !== 'react' || !importer?.replaceAll('\\', '/').includes('/src/react/')) return null;
      return source.endsWith('/widget/index.ts') ? { id: 'localshelf', external: true } : null;
    },
  };
}

/**
 * THIRD-PARTY-LICENSES.txt beside the bundles: the license of every npm package whose code
 * they contain (TensorFlow.js is Apache-2.0 and asks for its license to travel with it).
 * Each build adds the packages it bundled, so the engine and React builds extend the file.
 */
function thirdPartyLicenses(): Plugin {
  const FILE = 'THIRD-PARTY-LICENSES.txt';
  return {
    name: 'localshelf-third-party-licenses',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') notePackages(chunk.moduleIds);
    },
    closeBundle() {
      const path = join(outDir, FILE);
      const known = existsSync(path) ? readFileSync(path, 'utf8') : '';
      const sections = [...bundledPackages].sort().flatMap((name) => {
        if (known.includes(`\n== ${name} ==\n`)) return [];
        const dir = dirname(require.resolve(`${name}/package.json`));
        const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { license?: string };
        const text = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license']
          .map((f) => join(dir, f))
          .find((f) => existsSync(f));
        return [
          `\n== ${name} ==\nLicense: ${meta.license ?? 'see the package'}\n\n${text ? readFileSync(text, 'utf8').trim() : '(no license file in the package)'}\n`,
        ];
      });
      const head = known || `LocalShelf ${version} bundles the following third-party packages.\n`;
      writeFileSync(path, head + sections.join(''));
    },
  };
}

/** Copies the wasm binaries next to the worker chunk (tfjs fetches only the one it needs). */
function copyWasm(): Plugin {
  return {
    name: 'localshelf-copy-wasm',
    apply: 'build',
    closeBundle() {
      mkdirSync(join(outDir, 'assets'), { recursive: true });
      for (const file of WASM_FILES) copyFileSync(join(WASM_DIR, file), join(outDir, 'assets', file));
    },
  };
}

/**
 * In a classic script, `document.currentScript` is the loading <script> only while
 * the bundle first runs, but the worker URL is resolved later (on the first widget).
 * Capture it up front so the worker is found beside the bundle, not beside the page.
 */
function captureCurrentScript(): Plugin {
  return {
    name: 'localshelf-capture-current-script',
    apply: 'build',
    // After minification, so the minifier cannot fold the capture back into the later use.
    generateBundle(options, bundle) {
      if (options.format !== 'iife') return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        // Rolldown turns `import.meta` into `{}` in classic scripts; `{}.url` would be the
        // string "undefined", an invalid base URL that makes `new URL()` throw.
        const body = chunk.code
          .replaceAll('document.currentScript', '__localshelfScript')
          .replaceAll('{}.url', '(__localshelfScript&&__localshelfScript.src||document.baseURI)');
        // A block scopes the const; the bundle's own `var LocalShelf` stays global.
        chunk.code = `{const __localshelfScript=typeof document<"u"?document.currentScript:null;\n${body}\n}\n`;
      }
    },
  };
}

export default defineConfig({
  // No React, no public/ copy: the widget ships only its own files.
  publicDir: false,
  // Relative URLs: `new URL('assets/…', import.meta.url)` instead of `/assets/…`.
  base: './',
  plugins: [
    widgetFromPackage(),
    captureCurrentScript(),
    bundlerFriendlyWorkerUrl(),
    copyWasm(),
    thirdPartyLicenses(),
  ],
  // The bundle says its version (`LocalShelf.version`).
  define: { __LOCALSHELF_VERSION__: JSON.stringify(version) },
  worker: { format: 'es', plugins: () => [wasmBesideWorker()], rolldownOptions: { output: WORKER_OUTPUT } },
  build: {
    outDir,
    // The engine and React entries are added beside the widget's files.
    emptyOutDir: entryName === 'widget',
    target: 'es2022',
    sourcemap: false,
    minify: true,
    rolldownOptions: {
      // The classic bundle's `import.meta` is patched by captureCurrentScript: not a problem to report.
      onLog(level, log, handler) {
        if (log.code !== 'EMPTY_IMPORT_META') handler(level, log);
      },
      // The React binding uses the site's React, and the widget from this package (one copy per page).
      ...(entryName === 'react' ? { external: ['react', 'react/jsx-runtime', 'localshelf'] } : {}),
    },
    lib: {
      entry: fileURLToPath(new URL(`./${entry.file}`, import.meta.url)),
      name: 'LocalShelf',
      formats: entryName === 'widget' ? ['es', 'iife'] : ['es'],
      fileName: (format) => (format === 'es' ? `${entry.name}.js` : `${entry.name}.${format}.js`),
    },
  },
});
