import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The demo shop. `models/` is served as static files next to `public/` so the
// pretrained model ships exactly as committed.
export default defineConfig({
  plugins: [react()],
  publicDir: 'public',
  server: { fs: { allow: ['.'] } },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
