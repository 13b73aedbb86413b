import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';

/**
 * The SPA: `vite build web` writes dist/web, which the server serves in production;
 * `npm run dev:web` serves web/ with hot reload and proxies /api (and the live WebSocket) to the
 * server of `npm run dev` on port 3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    manifest: true,
    // Our own budget check (npm run budget:web) measures what matters: the initial JavaScript.
    chunkSizeWarningLimit: 600,
  },
  server: {
    // COMMONS_API: where `npm run dev` listens, when not on port 3000.
    proxy: { '/api': { target: process.env.COMMONS_API ?? 'http://localhost:3000', ws: true } },
  },
});
