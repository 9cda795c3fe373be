import { limits } from '@diemcau/schema';
import { assertPathInScope, requireRole, requireViewer } from '../accounts/access.ts';
import type { Viewer } from '../accounts/viewer.ts';
import { CHECK_VIOLATION, FOREIGN_KEY_VIOLATION, pgError, UNIQUE_VIOLATION } from '../db/pg-errors.ts';
import { query, queryOne, sql } from '../db/sql.ts';
import { BadUserInputError, NotFoundError } from '../graphql/app-error.ts';
import { connectionFrom, decodeCursor, pageSize } from '../graphql/connection.ts';
import type { Context } from '../graphql/context.ts';
import { toId, toOptionalId } from '../graphql/ids.ts';
import { UnitCodeTakenError, UnitCycleError, UnitHasHistoryError } from './unit.errors.ts';
import { codePattern, exportUnitRows, importUnitRows, NAME_MAX, parseUnitFile, toCsv, toJson } from './unit.import.ts';
import type { CreateUnitInput, CreateUnitKindInput, UnitsFilter, UpdateUnitInput } from './unit.inputs.ts';
import * as repo from './unit.repository.ts';
import { UnitFileFormat, type UnitImportResult } from './unit.types.ts';

/** A unit the viewer may see, or NOT_FOUND / FORBIDDEN. */
export async function getUnit(ctx: Context, id: unknown, field = 'id'): Promise<repo.UnitRow> {
  const viewer = requireViewer(ctx);
  const unit = await ctx.loaders.unit.load(toId(id, field));
  if (!unit) throw new NotFoundError('Unit', { field });
  assertPathInScope(viewer, unit.path);
  return unit;
}

export async function getUnitByCode(ctx: Context, code: string): Promise<repo.UnitRow> {
  const viewer = requireViewer(ctx);
  const unit = await repo.unitByCode(ctx.em, code);
  if (!unit) throw new NotFoundError('Unit', { field: 'code' });
  assertPathInScope(viewer, unit.path);
  return unit;
}

/** The subtree a viewer may look into: the asked one (checked) or the viewer's whole scope. */
async function scopedRoot(ctx: Context, viewer: Viewer, underId: unknown, field: string): Promise<string | null> {
  if (underId !== null && underId !== undefined) return (await getUnit(ctx, underId, field)).path;
  return viewer.scopePath;
}

export async function listUnits(
  ctx: Context,
  filter: UnitsFilter | null | undefined,
  first?: number | null,
  after?: string | null,
) {
  const viewer = requireViewer(ctx);
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['string', 'number']) as [string, number] | null;
  const parentId = toOptionalId(filter?.parentId, 'filter.parentId');
  if (parentId !== null) await getUnit(ctx, parentId, 'filter.parentId');
  if (filter?.level !== null && filter?.level !== undefined && (filter.level < 1 || filter.level > 64)) {
    throw new BadUserInputError('level must be between 1 and 64', 'filter.level');
  }
  const repoFilter: repo.UnitListFilter = {
    parentId,
    underPath: await scopedRoot(ctx, viewer, filter?.underId, 'filter.underId'),
    level: filter?.level ?? null,
    kindCodes: filter?.kindCodes ?? null,
    includeArchived: filter?.includeArchived ?? false,
  };
  const [rows, totalCount] = await Promise.all([
    repo.listUnits(ctx.em, repoFilter, { after: cursor, limit: limit + 1 }),
    repo.countUnits(ctx.em, repoFilter),
  ]);
  for (const row of rows) ctx.loaders.unit.prime(row.id, row);
  return { ...connectionFrom(rows, limit, (u) => [u.name, u.id]), totalCount };
}

export async function searchUnits(
  ctx: Context,
  text: string,
  underId?: unknown,
  first?: number | null,
  includeArchived = false,
) {
  const viewer = requireViewer(ctx);
  const needle = text.normalize('NFC').trim();
  if (needle.length < 1 || needle.length > 100)
    throw new BadUserInputError('query must be 1 to 100 characters', 'query');
  const rows = await repo.searchUnits(ctx.em, needle, {
    underPath: await scopedRoot(ctx, viewer, underId, 'underId'),
    limit: Math.min(pageSize(first), limits.pageSizeMax),
    includeArchived,
  });
  for (const row of rows) ctx.loaders.unit.prime(row.id, row);
  return rows;
}

/** Ancestors from the top of what the viewer may see down to the parent (a breadcrumb). */
export async function ancestorsOf(ctx: Context, unit: repo.UnitRow): Promise<repo.UnitRow[]> {
  const viewer = requireViewer(ctx);
  const ids = repo.pathIds(unit.path).slice(0, -1);
  const rows = await ctx.loaders.unit.loadMany(ids);
  return rows.filter((r): r is repo.UnitRow => !!r && !(r instanceof Error) && isVisible(viewer, r.path));
}

export function isVisible(viewer: Viewer, path: string): boolean {
  return viewer.scopePath === null || path === viewer.scopePath || path.startsWith(`${viewer.scopePath}.`);
}

function validateName(name: string, field = 'name'): string {
  const clean = name.normalize('NFC').trim();
  if (!clean) throw new BadUserInputError('Tên không được để trống / name is required', field);
  if (clean.length > NAME_MAX) throw new BadUserInputError(`Tên dài quá ${NAME_MAX} ký tự / name too long`, field);
  return clean;
}

async function validateKind(ctx: Context, kindCode: string, field = 'kindCode'): Promise<string> {
  const found = await queryOne(ctx.em, sql`select 1 from unit_kind where code = ${kindCode}`);
  if (!found) throw new BadUserInputError(`Không có loại đơn vị "${kindCode}" / unknown kind`, field);
  return kindCode;
}

async function writeUnit<T>(work: () => Promise<T>, code?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code: sqlState, constraint } = pgError(error);
    if (sqlState === UNIQUE_VIOLATION && code) throw new UnitCodeTakenError(code);
    if (sqlState === CHECK_VIOLATION && constraint === 'unit_no_cycle') throw new UnitCycleError();
    throw error;
  }
}

export async function createUnit(ctx: Context, input: CreateUnitInput): Promise<repo.UnitRow> {
  requireRole(ctx, 'ADMIN');
  const code = input.code.trim();
  if (!codePattern.test(code)) throw new BadUserInputError('Mã chỉ gồm chữ không dấu, số, . _ - (tối đa 64)', 'code');
  const name = validateName(input.name);
  const kind = await validateKind(ctx, input.kindCode);
  const parentId = toOptionalId(input.parentId, 'parentId');
  if (parentId !== null) await getUnit(ctx, parentId, 'parentId');
  const row = await writeUnit(
    () =>
      queryOne<{ id: number }>(
        ctx.em,
        sql`insert into unit (code, name, kind_code, parent_id) values (${code}, ${name}, ${kind}, ${parentId}) returning id`,
      ),
    code,
  );
  return (await repo.unitById(ctx.em, row!.id))!;
}

export async function updateUnit(ctx: Context, input: UpdateUnitInput): Promise<repo.UnitRow> {
  requireRole(ctx, 'ADMIN');
  const unit = await getUnit(ctx, input.id);
  const name = input.name === null || input.name === undefined ? unit.name : validateName(input.name);
  const kind = input.kindCode ? await validateKind(ctx, input.kindCode) : unit.kindCode;
  let parentId = unit.parentId;
  // An explicit null moves the unit (with its subtree) to the top of the tree; omitted: no change.
  if (input.parentId === null) parentId = null;
  else if (input.parentId !== undefined) {
    const parent = await getUnit(ctx, input.parentId, 'parentId');
    if (parent.path === unit.path || parent.path.startsWith(`${unit.path}.`)) throw new UnitCycleError();
    parentId = parent.id;
  }
  await writeUnit(() =>
    query(
      ctx.em,
      sql`update unit set name = ${name}, kind_code = ${kind}, parent_id = ${parentId}, updated_at = now() where id = ${unit.id}`,
    ),
  );
  return (await repo.unitById(ctx.em, unit.id))!;
}

/** Archives the unit and its whole subtree: out of lists and pickers, history kept. */
export async function setArchived(ctx: Context, id: unknown, archived: boolean): Promise<repo.UnitRow> {
  requireRole(ctx, 'ADMIN');
  const unit = await getUnit(ctx, id);
  await query(
    ctx.em,
    archived
      ? sql`update unit set archived_at = now(), updated_at = now() where path <@ ${unit.path}::ltree and archived_at is null`
      : sql`update unit set archived_at = null, updated_at = now() where path <@ ${unit.path}::ltree`,
  );
  return (await repo.unitById(ctx.em, unit.id))!;
}

/**
 * Deletes a unit nothing refers to. Anything that refers to a unit (children, accounts, survey
 * assignments, bridge points …) holds a foreign key, so history makes the delete fail: archive then.
 */
export async function deleteUnit(ctx: Context, id: unknown): Promise<boolean> {
  requireRole(ctx, 'ADMIN');
  const unit = await getUnit(ctx, id);
  try {
    await query(ctx.em, sql`delete from unit where id = ${unit.id}`);
  } catch (error) {
    if (pgError(error).code === FOREIGN_KEY_VIOLATION)
      throw new UnitHasHistoryError('đơn vị con, tài khoản hoặc dữ liệu khác');
    throw error;
  }
  return true;
}

export async function importUnits(
  ctx: Context,
  format: UnitFileFormat,
  content: string,
  dryRun: boolean,
): Promise<UnitImportResult> {
  requireRole(ctx, 'ADMIN');
  const parsed = parseUnitFile(format, content);
  if (parsed.problems.length > 0) {
    return { applied: false, rows: 0, created: 0, updated: 0, moved: 0, unchanged: 0, problems: parsed.problems };
  }
  const result = await importUnitRows(ctx.em, parsed.rows, { dryRun });
  ctx.log.info({ ...result, problems: result.problems.length }, 'unit import');
  return result;
}

export async function exportUnits(ctx: Context, format: UnitFileFormat, underId?: unknown, includeArchived = false) {
  const viewer = requireViewer(ctx);
  const rows = await exportUnitRows(ctx.em, await scopedRoot(ctx, viewer, underId, 'underId'), includeArchived);
  return format === UnitFileFormat.CSV ? toCsv(rows) : toJson(rows);
}

export async function listUnitKinds(ctx: Context) {
  requireViewer(ctx);
  return repo.unitKinds(ctx.em);
}

export async function createUnitKind(ctx: Context, input: CreateUnitKindInput) {
  requireRole(ctx, 'ADMIN');
  const code = input.code.trim();
  if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(code)) throw new BadUserInputError('code must be UPPER_SNAKE_CASE', 'code');
  const nameVi = validateName(input.nameVi, 'nameVi');
  const nameEn = validateName(input.nameEn, 'nameEn');
  try {
    await query(
      ctx.em,
      sql`insert into unit_kind (code, name_vi, name_en, sort_order) values (${code}, ${nameVi}, ${nameEn}, ${input.sortOrder ?? 100})`,
    );
  } catch (error) {
    if (pgError(error).code === UNIQUE_VIOLATION)
      throw new BadUserInputError('Loại đơn vị đã tồn tại / kind exists', 'code');
    throw error;
  }
  return (await repo.unitKinds(ctx.em)).find((k) => k.code === code)!;
}
