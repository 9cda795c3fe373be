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
  return result.rows as T[];
}

export async function queryOne<T>(em: EntityManager, statement: RawBuilder<T>): Promise<T | undefined> {
  return (await query(em, statement))[0];
}
