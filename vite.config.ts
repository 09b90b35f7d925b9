import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  publicDir: 'public',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  optimizeDeps: {
    // Pre-bundle everything up front: a dependency discovered late (say, by the worker)
    // makes the dev server reload the page, which breaks a page mid-test.
    entries: ['index.html', 'e2e/fixtures/**/*.html', 'src/engine/worker/worker.ts'],
    include: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-wasm',
      'idb',
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-dev-runtime',
    ],
  },
});
