import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `pnpm --filter @netmap/web dev` serves the app with hot reload and sends API calls to a running
// `netmap serve`; `vite build` writes dist/, which the server serves from the same port.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
