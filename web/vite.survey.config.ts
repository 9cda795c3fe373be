import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

/** The respondent entry's budget: JS + CSS, gzip (issue 5). The test suite checks it too. */
export const surveyBudgetBytes = 30 * 1024;

/** The standalone respondent page; `script` loads the form (the built `survey.js`, or the source in `pnpm dev`). */
export function surveyPageHtml(script: string): string {
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>Phiếu khảo sát — Điểm cầu</title>
    <style>body{margin:0;background:#f4f5f7}</style>
  </head>
  <body>
    <main><diemcau-survey page></diemcau-survey></main>
    <noscript>Trang này cần JavaScript. This page needs JavaScript.</noscript>
    ${script}
  </body>
</html>
`;
}

/** Writes the standalone page (`/s/<token>` serves it) and prints the entry's gzip weight against the budget. */
function surveyPage(): Plugin {
  return {
    name: 'diemcau:survey-page',
    generateBundle(_options, bundle) {
      this.emitFile({
        type: 'asset',
        fileName: 'survey.html',
        source: surveyPageHtml('<script src="/survey.js"></script>'),
      });
      let total = 0;
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css)$/.test(file.fileName)) continue;
        total += gzipSync(file.type === 'chunk' ? file.code : file.source).length;
      }
      const kb = (total / 1024).toFixed(1);
      const verdict = total <= surveyBudgetBytes ? 'within' : 'OVER';
      this.info(
        `respondent entry (survey.js, JS + CSS): ${kb} KB gzip — ${verdict} the ${surveyBudgetBytes / 1024} KB budget`,
      );
    },
  };
}

/**
 * The respondent form as one classic script (`dist/survey.js`, CSS inlined for its shadow root): one
 * request on a slow link, embeddable with a plain `<script src>` on any host page. Built after the
 * main app into the same `dist`, with a stable name (served with `no-cache`, revalidated by ETag).
 */
export default defineConfig({
  plugins: [preact(), surveyPage()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2020',
    lib: {
      entry: 'src/survey/embed.tsx',
      formats: ['iife'],
      name: 'diemcauSurvey',
      fileName: () => 'survey.js',
    },
  },
});
