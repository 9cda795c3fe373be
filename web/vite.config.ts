import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** Where the dev server forwards API calls: the `@diemcau/server` started by `pnpm dev`. */
const api = process.env.DIEMCAU_API ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [preact()],
  build: { outDir: 'dist', assetsDir: 'assets' },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': api,
      '/socket.io': { target: api, ws: true },
      '/healthz': api,
      '/readyz': api,
    },
  },
});
