import { readFileSync } from 'node:fs';

/** The server package's version, reported by `health` and the socket hello. */
export const serverVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
