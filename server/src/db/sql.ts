import type { EntityManager } from '@mikro-orm/postgresql';
import { type RawBuilder, sql } from 'kysely';

export { sql };

/**
 * Runs a parameterised SQL statement (Kysely's `sql` tag) on the EntityManager's connection, inside
 * its transaction when it has one. For what the ORM does not express well: the ltree unit tree,
 * bulk writes, analytics.
 */
export async function query<T>(em: EntityManager, statement: RawBuilder<T>): Promise<T[]> {
  const result = await statement.execute(em.getKysely());
  return (result.rows as Record<string, unknown>[]).map(withDates) as T[];
}

/** PostgreSQL's text form of a timestamptz, as MikroORM's connection leaves it: `2026-11-22 05:34:13.166+00`. */
const pgTimestamp = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?$/;

/**
 * MikroORM's pool hands timestamps over as text. Columns aliased `…At` (createdAt, expiresAt …) are
 * turned into Dates, so every query returns the same shape the GraphQL types promise.
 */
function withDates(row: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) {
    if (typeof value !== 'string' || !key.endsWith('At')) continue;
    const m = pgTimestamp.exec(value);
    if (m) row[key] = new Date(`${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`);
  }
  return row;
}

export async function queryOne<T>(em: EntityManager, statement: RawBuilder<T>): Promise<T | undefined> {
  return (await query(em, statement))[0];
}
