import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageFiles, webDist } from '../harness/bundle.ts';

/**
 * The phone pages stay small for cheap phones on slow links: JS + CSS, gzip, at most 35 KB each (the
 * budget `web/vite.live.config.ts` prints against). Reads `web/dist` (`pnpm test` builds it first).
 */
const budget = 35 * 1024;

describe('live phone pages weight', () => {
  for (const page of ['operator.html', 'check-in.html']) {
    it(`${page}: JS + CSS under 35 KB gzip, nothing of the signed-in app`, async () => {
      expect(existsSync(path.join(webDist, page)), `web/dist/${page} is missing: run \`pnpm build\``).toBe(true);
      const files = await pageFiles(page);
      let total = 0;
      const sizes: Record<string, number> = {};
      for (const [file, body] of files) {
        const gz = gzipSync(body).length;
        sizes[path.relative(webDist, file)] = gz;
        total += gz;
        const text = body.toString('utf8');
        // No admin dictionary, no chart library, no GraphQL documents of the app.
        expect(text, file).not.toContain('nav.accounts');
        expect(text, file).not.toContain('uPlot');
        expect(text, file).not.toContain('query Conference');
      }
      // The socket client is there: these pages live on their connection.
      expect([...files.values()].some((b) => b.toString('utf8').includes('engine.io'))).toBe(true);
      console.info(`${page}: ${(total / 1024).toFixed(1)} KB gzip`, sizes);
      expect(total).toBeLessThanOrEqual(budget);
    });
  }
});
