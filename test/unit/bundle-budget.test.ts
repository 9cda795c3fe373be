import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { webDist as dist, pageFiles } from '../harness/bundle.ts';

/** Issue 5: the respondent entry (JS + CSS, gzip) stays under 30 KB. Reads `web/dist` (`pnpm test` builds it first). */
const budget = 30 * 1024;

describe('respondent entry weight', () => {
  it('JS + CSS of the respondent form are under 30 KB gzip', async () => {
    expect(existsSync(path.join(dist, 'survey.html')), 'web/dist/survey.html is missing: run `pnpm build`').toBe(true);
    const files = await pageFiles('survey.html');
    expect(files.size).toBeGreaterThan(0);
    let total = 0;
    const sizes: Record<string, number> = {};
    for (const [file, body] of files) {
      const gz = gzipSync(body).length;
      sizes[path.relative(dist, file)] = gz;
      total += gz;
      const text = body.toString('utf8');
      // Nothing of the admin app: no socket.io-client, no admin dictionary.
      expect(text, file).not.toMatch(/socket\.io|engine\.io/);
      expect(text, file).not.toContain('nav.accounts');
    }
    console.info(`respondent entry: ${(total / 1024).toFixed(1)} KB gzip`, sizes);
    expect(total).toBeLessThanOrEqual(budget);
  });
});
