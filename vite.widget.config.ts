import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The embeddable widget as a library: `localshelf.js` (ES module) and
 * `localshelf.iife.js` (classic script, global `LocalShelf`), plus the engine's
 * module worker and the tfjs wasm binaries it loads, all under `assets/`.
 *
 * Every URL between those files is relative to the file that uses it, so a site can
 * serve the folder at any path of its own origin. Nothing uses eval or `new Function`.
 * The output folder can be moved with LOCALSHELF_WIDGET_OUT (the tests build into
 * their own folder, so a concurrent `vite build` of the shop cannot wipe it).
 */
const outDir = process.env.LOCALSHELF_WIDGET_OUT ?? 'dist/widget';
const require = createRequire(import.meta.url);
const WASM_DIR = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];
const WASM_URL_IMPORT = /tfjs-backend-wasm\/dist\/(tfjs-backend-wasm[\w-]*\.wasm)\?url$/;

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
  plugins: [captureCurrentScript(), copyWasm()],
  worker: { format: 'es', plugins: () => [wasmBesideWorker()] },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: true,
    rolldownOptions: {
      // The classic bundle's `import.meta` is patched by captureCurrentScript: not a problem to report.
      onLog(level, log, handler) {
        if (log.code !== 'EMPTY_IMPORT_META') handler(level, log);
      },
    },
    lib: {
      entry: fileURLToPath(new URL('./src/widget/index.ts', import.meta.url)),
      name: 'LocalShelf',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'localshelf.js' : `localshelf.${format}.js`),
    },
  },
});
