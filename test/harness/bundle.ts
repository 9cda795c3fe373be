import { readFile } from 'node:fs/promises';
import path from 'node:path';
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
