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

export default defineConfig({
  plugins: [react(), copyModels()],
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
