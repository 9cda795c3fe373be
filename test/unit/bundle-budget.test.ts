import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../harness/process.ts';

/** Issue 5: the respondent entry (JS + CSS, gzip) stays under 30 KB. Reads `web/dist` (`pnpm test` builds it first). */
const budget = 30 * 1024;
const dist = path.join(repoRoot, 'web/dist');

/** Every JS and CSS file the standalone respondent page loads: its scripts and stylesheets, and their static imports. */
async function respondentFiles(): Promise<Map<string, Buffer>> {
  const html = await readFile(path.join(dist, 'survey.html'), 'utf8');
  const queue = [
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ];
  const files = new Map<string, Buffer>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (/^(https?:)?\/\//.test(url)) throw new Error(`the respondent page loads ${url} from elsewhere`);
    const file = path.join(dist, url.replace(/^\//, ''));
    if (files.has(file)) continue;
    const body = await readFile(file);
    files.set(file, body);
    if (file.endsWith('.js')) {
      const text = body.toString('utf8');
      for (const m of text.matchAll(/(?:import|from)\s*["'`](\.{0,2}\/[^"'`]+\.(?:js|css))["'`]/g)) {
        queue.push(path.posix.join(path.posix.dirname(url), m[1]!));
      }
    }
  }
  return files;
}

describe('respondent entry weight', () => {
  it('JS + CSS of the respondent form are under 30 KB gzip', async () => {
    expect(existsSync(path.join(dist, 'survey.html')), 'web/dist/survey.html is missing: run `pnpm build`').toBe(true);
    const files = await respondentFiles();
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
