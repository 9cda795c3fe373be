import { unitCodePattern } from '@diemcau/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { pgError } from '../db/pg-errors.ts';
import { query, sql } from '../db/sql.ts';
import { UnitFileFormat, type UnitImportProblem, type UnitImportResult } from './unit.types.ts';

/**
 * The import/export file row: `code,name,kind,parentCode`. `line`: the CSV line (the header is 1),
 * or for JSON the array index + 1; `index`: the JSON array index (from 0), absent for CSV.
 */
export type UnitFileRow = {
  line: number;
  index?: number;
  code: string;
  name: string;
  kind: string;
  parentCode: string;
};

export const MAX_IMPORT_ROWS = 50_000;
/** Unit codes: the shared rule. */
export const codePattern = unitCodePattern;
export const NAME_MAX = 300;
const cycleMessage = 'Vòng lặp: đơn vị nằm dưới chính nó / cycle: the unit would be its own ancestor';

type Problem = UnitImportProblem;

function problem(line: number, code: string | null, field: string, kind: string, message: string): Problem {
  return { line, row: null, code, field, problem: kind, message };
}

const clean = (value: unknown) =>
  typeof value === 'string' ? value.normalize('NFC').trim() : value == null ? '' : String(value).trim();

/** Reads a CSV (with or without BOM) or JSON file into rows; a file it can't read is one problem. */
export function parseUnitFile(format: UnitFileFormat, content: string): { rows: UnitFileRow[]; problems: Problem[] } {
  try {
    if (format === UnitFileFormat.JSON) {
      const data = JSON.parse(content) as unknown;
      const list = Array.isArray(data) ? data : (data as { units?: unknown })?.units;
      if (!Array.isArray(list)) {
        return {
          rows: [],
          problems: [problem(1, null, 'file', 'BAD_FILE', 'JSON phải là một mảng đơn vị / expected an array of units')],
        };
      }
      return {
        rows: list.map((item, i) => {
          const o = (item ?? {}) as Record<string, unknown>;
          return {
            line: i + 1,
            index: i,
            code: clean(o.code),
            name: clean(o.name),
            kind: clean(o.kind),
            parentCode: clean(o.parentCode),
          };
        }),
        problems: [],
      };
    }
    const records = parseCsv(content, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    const first = records[0]?.record;
    if (first && !('code' in first && 'name' in first && 'kind' in first && 'parentCode' in first)) {
      return {
        rows: [],
        problems: [
          problem(
            1,
            null,
            'file',
            'BAD_FILE',
            'Dòng tiêu đề phải là code,name,kind,parentCode / the header must be code,name,kind,parentCode',
          ),
        ],
      };
    }
    return {
      rows: records.map(({ record, info }) => ({
        line: info.lines,
        code: clean(record.code),
        name: clean(record.name),
        kind: clean(record.kind),
        parentCode: clean(record.parentCode),
      })),
      problems: [],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      rows: [],
      problems: [problem(1, null, 'file', 'BAD_FILE', `Không đọc được tệp / unreadable file: ${message}`)],
    };
  }
}

type Existing = { id: number; code: string; name: string; kindCode: string; parentCode: string | null };

/**
 * Checks every row (all problems at once) and, when there are none and it is not a dry run, writes
 * them in one transaction: new units in batches, parents first; changed names and kinds; moves.
 * Idempotent by code: importing the same file twice changes nothing the second time.
 */
export async function importUnitRows(
  em: EntityManager,
  rows: UnitFileRow[],
  options: { dryRun: boolean },
): Promise<UnitImportResult> {
  const result: UnitImportResult = {
    applied: false,
    rows: rows.length,
    created: 0,
    updated: 0,
    moved: 0,
    unchanged: 0,
    problems: [],
  };
  const problems = result.problems;
  if (rows.length > MAX_IMPORT_ROWS) {
    problems.push(
      problem(1, null, 'file', 'TOO_MANY_ROWS', `Tối đa ${MAX_IMPORT_ROWS} dòng / at most ${MAX_IMPORT_ROWS} rows`),
    );
    return result;
  }

  const kinds = new Set((await query<{ code: string }>(em, sql`select code from unit_kind`)).map((k) => k.code));
  const codes = [
    ...new Set(
      rows
        .map((r) => r.code)
        .concat(rows.map((r) => r.parentCode))
        .filter(Boolean),
    ),
  ];
  const existing = new Map(
    (
      await query<Existing>(
        em,
        sql`select u.id, u.code, u.name, u.kind_code as "kindCode", p.code as "parentCode"
              from unit u left join unit p on p.id = u.parent_id where u.code = any(${codes}::text[])`,
      )
    ).map((e) => [e.code, e]),
  );

  const byCode = new Map<string, UnitFileRow>();
  for (const row of rows) {
    if (!row.code) problems.push(problem(row.line, null, 'code', 'REQUIRED', 'Thiếu mã đơn vị / code is required'));
    else if (!codePattern.test(row.code))
      problems.push(
        problem(
          row.line,
          row.code,
          'code',
          'INVALID_CODE',
          'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch (tối đa 64) / code: letters, digits, . _ - (max 64)',
        ),
      );
    else if (byCode.has(row.code))
      problems.push(
        problem(
          row.line,
          row.code,
          'code',
          'DUPLICATE_CODE',
          `Mã trùng với dòng ${byCode.get(row.code)?.line} / duplicate of line ${byCode.get(row.code)?.line}`,
        ),
      );
    if (!row.name)
      problems.push(problem(row.line, row.code || null, 'name', 'REQUIRED', 'Thiếu tên đơn vị / name is required'));
    else if (row.name.length > NAME_MAX)
      problems.push(
        problem(
          row.line,
          row.code || null,
          'name',
          'TOO_LONG',
          `Tên dài quá ${NAME_MAX} ký tự / name over ${NAME_MAX} characters`,
        ),
      );
    if (!row.kind)
      problems.push(problem(row.line, row.code || null, 'kind', 'REQUIRED', 'Thiếu loại đơn vị / kind is required'));
    else if (!kinds.has(row.kind))
      problems.push(
        problem(
          row.line,
          row.code || null,
          'kind',
          'UNKNOWN_KIND',
          `Không có loại đơn vị "${row.kind}" / unknown kind`,
        ),
      );
    if (row.parentCode && row.parentCode === row.code)
      problems.push(
        problem(
          row.line,
          row.code,
          'parentCode',
          'SELF_PARENT',
          'Đơn vị không thể là cấp trên của chính nó / a unit cannot be its own parent',
        ),
      );
    // The first row of each valid code stands for it; later ones were reported as duplicates.
    if (codePattern.test(row.code) && !byCode.has(row.code)) byCode.set(row.code, row);
  }

  // Parents: in the file or in the database; the resulting graph must have no cycle. Every ancestor
  // in the database of a code the file names is loaded, so a walk up from any row sees the whole
  // path (a unit moved under its own grandchild is a cycle through units the file does not name).
  const ancestors = new Map(
    (
      await query<{ code: string; parentCode: string | null }>(
        em,
        sql`select distinct a.code, p.code as "parentCode"
              from unit u join unit a on a.path @> u.path left join unit p on p.id = a.parent_id
             where u.code = any(${codes}::text[])`,
      )
    ).map((a) => [a.code, a.parentCode]),
  );
  const parentOf = (code: string): string | null => {
    const row = byCode.get(code);
    if (row) return row.parentCode || null;
    return ancestors.get(code) ?? null;
  };
  for (const row of byCode.values()) {
    if (row.parentCode && !byCode.has(row.parentCode) && !existing.has(row.parentCode)) {
      problems.push(
        problem(
          row.line,
          row.code,
          'parentCode',
          'UNKNOWN_PARENT',
          `Không có đơn vị cấp trên "${row.parentCode}" / unknown parent code`,
        ),
      );
    }
  }
  const inCycle = new Set<string>();
  for (const row of byCode.values()) {
    const seen = new Set<string>([row.code]);
    let current = parentOf(row.code);
    while (current) {
      if (seen.has(current)) {
        if (current === row.code) inCycle.add(row.code);
        break;
      }
      seen.add(current);
      current = parentOf(current);
    }
  }
  for (const code of inCycle) {
    const row = byCode.get(code);
    if (row && row.parentCode !== row.code) {
      problems.push(problem(row.line, code, 'parentCode', 'CYCLE', cycleMessage));
    }
  }

  problems.sort((a, b) => a.line - b.line);
  // JSON rows are also named by their array index.
  const indexByLine = new Map(rows.filter((r) => r.index !== undefined).map((r) => [r.line, r.index!]));
  for (const p of problems) p.row = indexByLine.get(p.line) ?? null;
  // Plan the changes (counted for dry runs and for the report).
  const toCreate: UnitFileRow[] = [];
  const toUpdate: { row: UnitFileRow; rename: boolean; move: boolean }[] = [];
  for (const row of byCode.values()) {
    const found = existing.get(row.code);
    if (!found) {
      toCreate.push(row);
      continue;
    }
    const rename = found.name !== row.name || found.kindCode !== row.kind;
    const move = (found.parentCode ?? '') !== row.parentCode;
    if (rename || move) toUpdate.push({ row, rename, move });
    else result.unchanged += 1;
  }
  result.created = toCreate.length;
  result.updated = toUpdate.filter((u) => u.rename).length;
  result.moved = toUpdate.filter((u) => u.move).length;
  if (problems.length > 0 || options.dryRun) return result;

  try {
    await writeRows(em, byCode, toCreate, toUpdate);
  } catch (error) {
    // The checks above find every cycle; the database's own guard is the fallback (a concurrent move).
    if (!(error instanceof MoveCycle)) throw error;
    problems.push(problem(error.row.line, error.row.code, 'parentCode', 'CYCLE', cycleMessage));
    return result;
  }
  result.applied = true;
  return result;
}

/** The database refused a move of the import (its `unit_no_cycle` trigger): the row at fault. */
class MoveCycle extends Error {
  constructor(readonly row: UnitFileRow) {
    super(`cycle at line ${row.line}`);
  }
}

/** Writes a checked import in one transaction: new units parents first, in batches; renames; moves. */
async function writeRows(
  em: EntityManager,
  byCode: Map<string, UnitFileRow>,
  toCreate: UnitFileRow[],
  toUpdate: { row: UnitFileRow; rename: boolean; move: boolean }[],
): Promise<void> {
  await em.transactional(async (tx) => {
    // New units: parents first, by depth within the file, in batches of 1,000 rows.
    const depth = new Map<string, number>();
    const depthOf = (code: string): number => {
      const known = depth.get(code);
      if (known !== undefined) return known;
      const row = byCode.get(code);
      const d = row?.parentCode && byCode.has(row.parentCode) ? depthOf(row.parentCode) + 1 : 0;
      depth.set(code, d);
      return d;
    };
    const waves = new Map<number, UnitFileRow[]>();
    for (const row of toCreate) {
      const d = depthOf(row.code);
      waves.set(d, [...(waves.get(d) ?? []), row]);
    }
    for (const wave of [...waves.keys()].sort((a, b) => a - b)) {
      const list = waves.get(wave) ?? [];
      for (let i = 0; i < list.length; i += 1000) {
        const chunk = list.slice(i, i + 1000);
        await query(
          tx,
          sql`insert into unit (code, name, kind_code, parent_id)
              select r.code, r.name, r.kind, p.id
                from unnest(${chunk.map((r) => r.code)}::text[], ${chunk.map((r) => r.name)}::text[],
                            ${chunk.map((r) => r.kind)}::text[], ${chunk.map((r) => r.parentCode || null)}::text[])
                     as r(code, name, kind, parent_code)
                left join unit p on p.code = r.parent_code`,
        );
      }
    }
    for (const { row, rename, move } of toUpdate) {
      if (rename) {
        await query(
          tx,
          sql`update unit set name = ${row.name}, kind_code = ${row.kind}, updated_at = now() where code = ${row.code}`,
        );
      }
      if (move) {
        try {
          await query(
            tx,
            sql`update unit set parent_id = (select id from unit where code = ${row.parentCode || null}), updated_at = now()
                 where code = ${row.code}`,
          );
        } catch (error) {
          if (pgError(error).constraint === 'unit_no_cycle') throw new MoveCycle(row);
          throw error;
        }
      }
    }
  });
}

/** Rows of a subtree, parents before children (by path), for export. */
export async function exportUnitRows(em: EntityManager, underPath: string | null, includeArchived: boolean) {
  return query<{ code: string; name: string; kind: string; parentCode: string | null }>(
    em,
    sql`select u.code, u.name, u.kind_code as kind, p.code as "parentCode"
          from unit u left join unit p on p.id = u.parent_id
         where ${underPath ? sql`u.path <@ ${underPath}::ltree` : sql`true`}
           ${includeArchived ? sql`` : sql`and u.archived_at is null`}
         order by u.level, p.code nulls first, u.name collate "vi-VN-x-icu", u.id`,
  );
}

type ExportRow = { code: string; name: string; kind: string; parentCode: string | null };

/**
 * CSV with a UTF-8 BOM so Excel shows Vietnamese correctly. Parent codes are kept as they are, so a
 * file re-imports unchanged (a subtree's top row names its real parent).
 */
export function toCsv(rows: ExportRow[]): string {
  const body = stringifyCsv(
    rows.map((r) => [r.code, r.name, r.kind, r.parentCode ?? '']),
    { header: true, columns: ['code', 'name', 'kind', 'parentCode'], record_delimiter: '\r\n' },
  );
  return `\uFEFF${body}`;
}

export function toJson(rows: ExportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
