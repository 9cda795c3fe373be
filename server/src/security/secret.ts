import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';

/**
 * The secret links are derived from: SECRET_KEY, or (outside production) a random key kept beside
 * the embedded database's folder, created on first start, so links survive restarts.
 */
export async function resolveSecretKey(config: Config, log: Logger): Promise<string> {
  if (config.secretKey) return config.secretKey;
  const file = path.join(path.dirname(config.dataDir), 'secret.key');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const key = randomBytes(48).toString('base64url');
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  log.warn({ file }, 'SECRET_KEY is not set: generated one for this machine (set SECRET_KEY in production)');
  return key;
}
