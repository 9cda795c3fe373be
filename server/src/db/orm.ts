import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import { entities } from './entities.ts';
import { migrationsList } from './migrations/index.ts';

export const migrationsPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * MikroORM keeps timestamps as text and parses them when it hydrates entities; our SQL (Kysely on the
 * same pool) wants Dates. Same parsers as MikroORM's, except timestamptz → Date, which its datetime
 * type accepts as well.
 */
function poolTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  for (const oid of [1082, 1114, 1186]) types.setTypeParser(oid, (value: string) => value); // date, timestamp, interval
  types.setTypeParser(1184, pg.types.getTypeParser(1184)); // timestamptz → Date
  return types;
}

export function ormConfig(databaseUrl: string, log?: Logger): Options {
  const ormLog = log?.child({ component: 'orm' });
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: {
      path: migrationsPath,
      pathTs: migrationsPath,
      migrationsList,
      snapshotOnMigrate: false,
      silent: true,
    },
    pool: { min: 0, max: 20 },
    driverOptions: { types: poolTypes() },
    debug: false,
    logger: (message) => ormLog?.debug(message),
    // Entities are plain objects from defineEntity: no reflection, no decorators.
    ensureDatabase: false,
    allowGlobalContext: false,
  });
}

export async function openOrm(databaseUrl: string, log?: Logger): Promise<MikroORM> {
  return MikroORM.init(ormConfig(databaseUrl, log));
}

/** Applies the committed migrations that have not run yet; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.migrator.up();
  return done.map((m) => m.name);
}

/** `select 1` with a deadline: the readiness probe. */
export async function pingDatabase(orm: MikroORM, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      orm.em
        .getConnection()
        .execute('select 1 as ok')
        .then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
