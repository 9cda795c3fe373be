import type { EntityManager } from '@mikro-orm/postgresql';
import { type RawBuilder, sql } from 'kysely';

export { sql };

/**
 * Runs a parameterised SQL statement (Kysely's `sql` tag) on the EntityManager's connection, inside
 * its transaction when it has one. For what the ORM does not express well: the ltree unit tree,
 * bulk writes, analytics.
 */
/** Statements run per EntityManager (one fork per request), for the statement-count check in tests. */
const statements = new WeakMap<EntityManager, number>();

export function statementCount(em: EntityManager): number {
  return statements.get(em) ?? 0;
}

export async function query<T>(em: EntityManager, statement: RawBuilder<T>): Promise<T[]> {
  statements.set(em, (statements.get(em) ?? 0) + 1);
  const result = await statement.execute(em.getKysely());
  return result.rows as T[];
}

export async function queryOne<T>(em: EntityManager, statement: RawBuilder<T>): Promise<T | undefined> {
  return (await query(em, statement))[0];
}

/** Rows of a large result in chunks through a server-side cursor, so memory stays flat. */
export async function* streamRows<T>(em: EntityManager, statement: RawBuilder<T>, chunkSize = 500): AsyncGenerator<T> {
  statements.set(em, (statements.get(em) ?? 0) + 1);
  const db = em.getKysely();
  for await (const chunk of db.getExecutor().stream<T>(statement.compile(db), chunkSize)) yield* chunk.rows;
}
