import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger, type EmbeddedPostgresHandle, startEmbeddedPostgres } from '@diemcau/server';
import pg from 'pg';

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** A private embedded PostgreSQL for one benchmark run, removed afterwards. */
export async function benchDatabase(
  name: string,
): Promise<{ url: string; pg: EmbeddedPostgresHandle; dispose: () => Promise<void> }> {
  const parent = await mkdtemp(path.join(os.tmpdir(), `diemcau-bench-${name}-`));
  await chmod(parent, 0o755);
  const handle = await startEmbeddedPostgres({
    dataDir: path.join(parent, 'pg'),
    log: createLogger({ logLevel: 'warn', nodeEnv: 'test' }),
  });
  const admin = new pg.Client({ connectionString: handle.adminUrl });
  await admin.connect();
  await admin.query('create database diemcau');
  await admin.end();
  return {
    url: handle.urlFor('diemcau'),
    pg: handle,
    dispose: async () => {
      await handle.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Runs `tasks` with at most `concurrency` in flight; returns each task's duration in ms. */
export async function runPool<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const start = performance.now();
      await task(item);
      durations.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return durations;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
