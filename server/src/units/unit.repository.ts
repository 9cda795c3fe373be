import type { EntityManager } from '@mikro-orm/postgresql';
import { query, queryOne, sql } from '../db/sql.ts';

/** A unit as stored. `path` is the ltree of ids from the root (`1.5.123`); `level` its depth (root = 1). */
export type UnitRow = {
  id: number;
  code: string;
  name: string;
  kindCode: string;
  parentId: number | null;
  path: string;
  level: number;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type UnitKindRow = { code: string; nameVi: string; nameEn: string; sortOrder: number };

/** Vietnamese alphabetical order (Ă after A, Đ after D, tones in dictionary order). */
export const byName = sql`u.name collate "vi-VN-x-icu"`;

const columns = sql`u.id, u.code, u.name, u.kind_code as "kindCode", u.parent_id as "parentId", u.path::text as path,
  u.level, u.archived_at as "archivedAt", u.created_at as "createdAt", u.updated_at as "updatedAt"`;

export async function unitsByIds(em: EntityManager, ids: readonly number[]): Promise<Map<number, UnitRow>> {
  if (ids.length === 0) return new Map();
  const rows = await query<UnitRow>(em, sql`select ${columns} from unit u where u.id = any(${[...ids]}::int[])`);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function unitById(em: EntityManager, id: number): Promise<UnitRow | undefined> {
  return queryOne<UnitRow>(em, sql`select ${columns} from unit u where u.id = ${id}`);
}

export async function unitByCode(em: EntityManager, code: string): Promise<UnitRow | undefined> {
  return queryOne<UnitRow>(em, sql`select ${columns} from unit u where u.code = ${code}`);
}

export type UnitListFilter = {
  parentId?: number | null;
  /** Only units at or under this path. */
  underPath?: string | null;
  level?: number | null;
  kindCodes?: string[] | null;
  includeArchived?: boolean;
};

function whereOf(filter: UnitListFilter) {
  const parts = [sql`true`];
  if (filter.parentId !== undefined && filter.parentId !== null) parts.push(sql`u.parent_id = ${filter.parentId}`);
  if (filter.underPath) parts.push(sql`u.path <@ ${filter.underPath}::ltree`);
  if (filter.level) parts.push(sql`u.level = ${filter.level}`);
  if (filter.kindCodes && filter.kindCodes.length > 0) parts.push(sql`u.kind_code = any(${filter.kindCodes}::text[])`);
  if (!filter.includeArchived) parts.push(sql`u.archived_at is null`);
  return sql.join(parts, sql` and `);
}

/** One page in Vietnamese name order; `after` is the last row's (name, id). */
export async function listUnits(
  em: EntityManager,
  filter: UnitListFilter,
  page: { after: [string, number] | null; limit: number },
): Promise<UnitRow[]> {
  const after = page.after
    ? sql`and (${byName}, u.id) > (${page.after[0]}::text collate "vi-VN-x-icu", ${page.after[1]}::int)`
    : sql``;
  return query<UnitRow>(
    em,
    sql`select ${columns} from unit u where ${whereOf(filter)} ${after} order by ${byName}, u.id limit ${page.limit}`,
  );
}

export async function countUnits(em: EntityManager, filter: UnitListFilter): Promise<number> {
  const row = await queryOne<{ n: number }>(em, sql`select count(*)::int as n from unit u where ${whereOf(filter)}`);
  return row?.n ?? 0;
}

/**
 * Accent- and case-insensitive search on names ("tho xuan" finds "Thọ Xuân"), and exact codes.
 * Uses the trigram index on the generated `name_search` column.
 */
export async function searchUnits(
  em: EntityManager,
  text: string,
  options: { underPath: string | null; limit: number; includeArchived: boolean },
): Promise<UnitRow[]> {
  const needle = text.trim();
  return query<UnitRow>(
    em,
    sql`with q as (select lower(immutable_unaccent(${needle}::text)) as q)
        select ${columns} from unit u, q
         where (u.name_search like '%' || q.q || '%' or lower(u.code) = lower(${needle}))
           ${options.underPath ? sql`and u.path <@ ${options.underPath}::ltree` : sql``}
           ${options.includeArchived ? sql`` : sql`and u.archived_at is null`}
         order by (lower(u.code) = lower(${needle})) desc, (u.name_search = q.q) desc,
                  similarity(u.name_search, q.q) desc, u.level, ${byName}, u.id
         limit ${options.limit}`,
  );
}

/** Number of active units strictly below each given unit (archived ones are not counted). */
export async function descendantCounts(em: EntityManager, ids: readonly number[]): Promise<Map<number, number>> {
  const rows = await query<{ id: number; n: number }>(
    em,
    sql`select p.id, (select count(*)::int from unit d where d.path <@ p.path and d.id <> p.id and d.archived_at is null) as n
          from unit p where p.id = any(${[...ids]}::int[])`,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function childCounts(em: EntityManager, ids: readonly number[]): Promise<Map<number, number>> {
  const rows = await query<{ id: number; n: number }>(
    em,
    sql`select parent_id as id, count(*)::int as n from unit
         where parent_id = any(${[...ids]}::int[]) and archived_at is null group by parent_id`,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function unitKinds(em: EntityManager): Promise<UnitKindRow[]> {
  return query<UnitKindRow>(
    em,
    sql`select code, name_vi as "nameVi", name_en as "nameEn", sort_order as "sortOrder" from unit_kind order by sort_order, code`,
  );
}

/** The ids of a path, root first. */
export function pathIds(path: string): number[] {
  return path.split('.').map(Number);
}
