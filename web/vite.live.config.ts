import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { graphqlDocuments } from './vite.config.ts';

/** What the phone pages may weigh (JS + CSS, gzip): the check-in page and the operator console each. */
export const livePageBudgetBytes = 35 * 1024;

/** Prints each entry's gzip weight: its own chunk, the chunks it imports and its CSS. */
function entrySizes(): Plugin {
  return {
    name: 'diemcau:live-entry-sizes',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      const gz = (name: string) => {
        const file = bundle[name];
        if (!file) return 0;
        return gzipSync(file.type === 'chunk' ? file.code : file.source).length;
      };
      for (const entry of chunks.filter((c) => c.isEntry)) {
        const seen = new Set<string>();
        const visit = (name: string) => {
          if (seen.has(name)) return;
          seen.add(name);
          const chunk = bundle[name];
          if (chunk?.type === 'chunk') {
            for (const imported of chunk.imports) visit(imported);
            for (const css of chunk.viteMetadata?.importedCss ?? []) seen.add(css);
          }
        };
        visit(entry.fileName);
        const total = [...seen].reduce((sum, name) => sum + gz(name), 0);
        const verdict = total <= livePageBudgetBytes ? 'within' : 'OVER';
        this.info(
          `${entry.name} page (JS + CSS): ${(total / 1024).toFixed(1)} KB gzip — ${verdict} the ${livePageBudgetBytes / 1024} KB budget`,
        );
      }
    },
  };
}

/**
 * Two builds after the main app, into the same `dist`:
 * - default: the public phone pages `operator.html` (`/operator/<id>`) and `check-in.html`
 *   (`/check-in/<id>`), small entries of their own that share nothing with the signed-in app;
 * - `--mode counter`: `live-counter.js`, the `<diemcau-live-counter>` element as one classic script
 *   (CSS inside its shadow root) for a host portal's `<script src>`, with a stable name.
 */
export default defineConfig(({ mode }) =>
  mode === 'counter'
    ? {
        plugins: [graphqlDocuments(), preact()],
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2020',
          lib: {
            entry: 'src/live/counter-embed.tsx',
            formats: ['iife'],
            name: 'diemcauLiveCounter',
            fileName: () => 'live-counter.js',
          },
        },
      }
    : {
        plugins: [preact(), entrySizes()],
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2020',
          rollupOptions: { input: { operator: 'operator.html', 'check-in': 'check-in.html' } },
        },
      },
);
