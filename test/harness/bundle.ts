import { rmSync } from 'node:fs';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { repoRoot } from './process.ts';

/** The built web pages (`pnpm build`). */
export const webDist = path.join(repoRoot, 'web/dist');

/**
 * Every JS and CSS file a standalone page of `web/dist` loads: its scripts and stylesheets, and their
 * static imports, by path relative to `web/dist`. Anything loaded from another origin is an error.
 */
export async function pageFiles(htmlFile: string): Promise<Map<string, Buffer>> {
  const html = await readFile(path.join(webDist, htmlFile), 'utf8');
  const queue = [
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ];
  const files = new Map<string, Buffer>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (/^(https?:)?\/\//.test(url)) throw new Error(`${htmlFile} loads ${url} from elsewhere`);
    const file = path.join(webDist, url.replace(/^\//, ''));
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

const livePages = ['index.html', 'operator.html', 'check-in.html', 'live-counter.js'];

/**
 * A private copy of the built pages for one test server (`WEB_DIST`). The server indexes its folder
 * at start-up, and on a shared machine someone may rebuild `web/dist` while a browser test runs:
 * a copy keeps the files this server announced. Waits (up to 60 s) for a complete build, checking
 * that every script and stylesheet the pages name is there.
 */
export async function copyOfWebDist(): Promise<string> {
  const started = Date.now();
  for (;;) {
    try {
      // Inside the run's own folder, which the global teardown removes (a killed worker never runs exit hooks).
      const target = await mkdtemp(path.join(inject('scratchDir'), 'web-'));
      await cp(webDist, target, { recursive: true });
      for (const page of livePages.filter((p) => p.endsWith('.html'))) {
        const html = await readFile(path.join(target, page), 'utf8');
        for (const m of html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g))
          await readFile(path.join(target, m[1]!));
      }
      await readFile(path.join(target, 'live-counter.js'));
      process.once('exit', () => rmSync(target, { recursive: true, force: true }));
      return target;
    } catch (error) {
      if (Date.now() - started > 60_000) throw new Error(`web/dist is incomplete: run \`pnpm build\` (${error})`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
