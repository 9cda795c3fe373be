import { PassThrough, type Readable } from 'node:stream';
import { type Answers, allQuestions, type Question } from '@diemcau/schema';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { queryOne, sql, streamRows } from '../db/sql.ts';
import type { Context } from '../graphql/context.ts';
import type { AnalyticsScope } from './analytics.service.ts';

/**
 * Raw responses, one row per unit: a column per level of its path (as assigned), its code and name,
 * the questionnaire version, who submitted and when, then one column per question key (multiple
 * choice: one 0/1 column per option; matrix: one column per row; "Other" texts in `<key>.khac`).
 * Streamed from a database cursor to the client, so 50,000 units neither time out nor pile up.
 */
export type ExportColumn = { header: string; value: (answers: Answers) => string | number | null };

export function answerColumns(questions: Question[]): ExportColumn[] {
  const columns: ExportColumn[] = [];
  for (const q of questions) {
    const get = (a: Answers) => a[q.key];
    const otherKey = q.options?.find((o) => o.other)?.key;
    switch (q.type) {
      case 'single_choice':
        columns.push({ header: q.key, value: (a) => (get(a) as { choice?: string } | undefined)?.choice ?? null });
        if (otherKey)
          columns.push({
            header: `${q.key}.${otherKey}`,
            value: (a) => (get(a) as { other?: string } | undefined)?.other ?? null,
          });
        break;
      case 'multiple_choice':
        for (const o of q.options ?? []) {
          columns.push({
            header: `${q.key}.${o.key}`,
            value: (a) => {
              const v = get(a) as { choices?: string[] } | undefined;
              return v ? (v.choices?.includes(o.key) ? 1 : 0) : null;
            },
          });
        }
        if (otherKey)
          columns.push({
            header: `${q.key}.${otherKey}.text`,
            value: (a) => (get(a) as { other?: string } | undefined)?.other ?? null,
          });
        break;
      case 'yes_no':
        columns.push({ header: q.key, value: (a) => (get(a) === undefined ? null : get(a) ? 1 : 0) });
        break;
      case 'matrix':
        for (const r of q.rows ?? []) {
          columns.push({
            header: `${q.key}.${r.key}`,
            value: (a) => (get(a) as Record<string, number> | undefined)?.[r.key] ?? null,
          });
        }
        break;
      default:
        columns.push({ header: q.key, value: (a) => (get(a) as string | number | undefined) ?? null });
    }
  }
  return columns;
}

type ExportRow = {
  pathNames: string[];
  code: string;
  name: string;
  version: number;
  submittedBy: string;
  submittedAt: Date;
  answers: Answers;
};

async function* exportRows(ctx: Context, scope: AnalyticsScope): AsyncGenerator<ExportRow> {
  yield* streamRows<ExportRow>(
    ctx.em,
    sql`select array(select p.name from unit p where p.path @> r.unit_path order by p.level) as "pathNames",
               u.code, u.name, v.number as version, r.submitted_by as "submittedBy", r.submitted_at as "submittedAt", r.answers
          from response r join survey_version v on v.id = r.version_id
          join unit u on u.id = ltree2text(subpath(r.unit_path, -1, 1))::int
         where r.survey_id = ${scope.survey.id} and r.status = 'SUBMITTED'
           ${scope.scopePath ? sql`and r.unit_path <@ ${scope.scopePath}::ltree` : sql``}
         order by r.unit_path`,
  );
}

async function deepestLevel(ctx: Context, scope: AnalyticsScope): Promise<number> {
  const row = await queryOne<{ n: number }>(
    ctx.em,
    sql`select coalesce(max(nlevel(unit_path)), 1)::int as n from response where survey_id = ${scope.survey.id} and status = 'SUBMITTED'`,
  );
  return row?.n ?? 1;
}

function headerAndCells(levels: number, columns: ExportColumn[]) {
  const header = [
    ...Array.from({ length: levels }, (_, i) => `cap_${i + 1}`),
    'ma_don_vi',
    'ten_don_vi',
    'phien_ban',
    'nguoi_gui',
    'thoi_gian_gui',
    ...columns.map((c) => c.header),
  ];
  const cells = (row: ExportRow) => [
    ...Array.from({ length: levels }, (_, i) => row.pathNames[i] ?? ''),
    row.code,
    row.name,
    row.version,
    row.submittedBy,
    row.submittedAt.toISOString(),
    ...columns.map((c) => c.value(row.answers) ?? ''),
  ];
  return { header, cells };
}

/** CSV, UTF-8 with a BOM so Excel shows Vietnamese correctly. */
export async function responsesCsv(ctx: Context, scope: AnalyticsScope): Promise<Readable> {
  const { header, cells } = headerAndCells(await deepestLevel(ctx, scope), answerColumns(allQuestions(scope.content)));
  const csv = stringify({ header: true, columns: header, record_delimiter: '\r\n' });
  const out = new PassThrough();
  out.write('\uFEFF');
  csv.pipe(out);
  void (async () => {
    try {
      for await (const row of exportRows(ctx, scope)) {
        if (!csv.write(cells(row))) await new Promise((resolve) => csv.once('drain', resolve));
      }
      csv.end();
    } catch (error) {
      ctx.log.error({ err: error }, 'CSV export failed');
      out.destroy(error as Error);
    }
  })();
  return out;
}

/** XLSX through ExcelJS's streaming writer. */
export async function responsesXlsx(ctx: Context, scope: AnalyticsScope): Promise<Readable> {
  const { header, cells } = headerAndCells(await deepestLevel(ctx, scope), answerColumns(allQuestions(scope.content)));
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Phieu tra loi');
  sheet.addRow(header).commit();
  void (async () => {
    try {
      for await (const row of exportRows(ctx, scope)) sheet.addRow(cells(row)).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      ctx.log.error({ err: error }, 'XLSX export failed');
      out.destroy(error as Error);
    }
  })();
  return out;
}
