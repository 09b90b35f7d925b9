import { cpSync, existsSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { ISOLATION_HEADERS, WORKER_OUTPUT } from './vite.shared.ts';

/** The pretrained model ships as committed in models/; copy it beside the built shop. */
function copyModels(): Plugin {
  let outDir = 'dist';
  return {
    name: 'localshelf-copy-models',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      if (existsSync('models')) cpSync('models', `${outDir}/models`, { recursive: true });
    },
  };
}

/**
 * `npm start` and the benchmarks serve the build as a site should: files under assets/ carry a
 * content hash in their name, so they are cached for a year and never revalidated (a return
 * visit then loads its scripts without a round trip); everything else stays no-cache, so a new
 * catalog or model is seen on the next load. sirv (under vite preview) writes its own
 * Cache-Control in writeHead, hence the wrapper.
 */
function immutableHashedAssets(): Plugin {
  return {
    name: 'localshelf-immutable-assets',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/assets/')) {
          const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
          res.writeHead = ((...args: unknown[]) => {
            res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
            const headers = args.find((a, i) => i > 0 && typeof a === 'object' && a !== null);
            if (headers) delete (headers as Record<string, unknown>)['Cache-Control'];
            return writeHead(...args);
          }) as typeof res.writeHead;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), copyModels(), immutableHashedAssets()],
  publicDir: 'public',
  worker: { format: 'es', rolldownOptions: { output: WORKER_OUTPUT } },
  build: { target: 'es2022', sourcemap: true },
  server: {
    headers: ISOLATION_HEADERS,
    // The browser tests audit every connection; the dev server's live-reload socket would be the only one.
    ...(process.env.LOCALSHELF_NO_HMR ? { hmr: false, ws: false } : {}),
  },
  preview: { headers: ISOLATION_HEADERS },
  optimizeDeps: {
    // Pre-bundle everything up front: a dependency discovered late (say, by the worker)
    // makes the dev server reload the page, which breaks a page mid-test.
    entries: ['index.html', 'e2e/fixtures/**/*.html', 'src/engine/worker/worker.ts'],
    include: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgpu',
      'idb',
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-dev-runtime',
    ],
  },
});
