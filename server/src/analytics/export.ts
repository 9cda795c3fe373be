import { PassThrough, pipeline, Readable, type Writable } from 'node:stream';
import { type Answers, allQuestions, type Question } from '@diemcau/schema';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { queryOne, sql, streamRows } from '../db/sql.ts';
import type { Context } from '../graphql/context.ts';
import { type AnalyticsScope, notWithdrawn, pathNamesOf } from './analytics.service.ts';

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
    // The path's names by the unit ids stored at assignment, so a unit moved since keeps its columns.
    sql`select ${pathNamesOf(sql.ref('r.unit_path'))} as "pathNames",
               u.code, u.name, v.number as version, r.submitted_by as "submittedBy", r.submitted_at as "submittedAt", r.answers
          from response r join survey_version v on v.id = r.version_id
          join unit u on u.id = ltree2text(subpath(r.unit_path, -1, 1))::int
         where r.survey_id = ${scope.survey.id} and r.status = 'SUBMITTED'
           ${scope.scopePath ? sql`and r.unit_path <@ ${scope.scopePath}::ltree` : sql``}
           ${notWithdrawn(scope, sql.ref('r.id'))}
         order by r.unit_path`,
  );
}

async function deepestLevel(ctx: Context, scope: AnalyticsScope): Promise<number> {
  const row = await queryOne<{ n: number }>(
    ctx.em,
    sql`select coalesce(max(nlevel(r.unit_path)), 1)::int as n from response r
         where r.survey_id = ${scope.survey.id} and r.status = 'SUBMITTED' ${notWithdrawn(scope, sql.ref('r.id'))}`,
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

/**
 * Resolves at once when `stream` takes more, else on its next 'drain'; rejects when it is destroyed
 * first (the client went away), so a writer never waits for a drain that will not come.
 */
function drained(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.reject(new Error('export stream closed'));
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('export stream closed'));
    stream.on('drain', onDrain);
    stream.on('close', onClose);
  });
}

const closedEarly = (error: unknown) =>
  (error as NodeJS.ErrnoException | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE' ||
  (error as Error | null)?.message === 'export stream closed';

/**
 * CSV, UTF-8 with a BOM so Excel shows Vietnamese correctly. The rows, the CSV encoder and the
 * response are one pipeline: when the client aborts, Fastify destroys the stream, the pipeline
 * destroys the row source, and the database cursor closes and gives its connection back.
 */
export async function responsesCsv(ctx: Context, scope: AnalyticsScope): Promise<Readable> {
  const { header, cells } = headerAndCells(await deepestLevel(ctx, scope), answerColumns(allQuestions(scope.content)));
  const csv = stringify({ header: true, columns: header, record_delimiter: '\r\n' });
  const out = new PassThrough();
  out.write('\uFEFF');
  async function* records() {
    for await (const row of exportRows(ctx, scope)) yield cells(row);
  }
  pipeline(Readable.from(records()), csv, out, (error) => {
    if (error && !closedEarly(error)) ctx.log.error({ err: error }, 'CSV export failed');
    else if (error) ctx.log.info({ surveyId: scope.survey.id }, 'CSV export aborted by the client');
  });
  return out;
}

/**
 * XLSX through ExcelJS's streaming writer; a row is added only when the client has taken the ones
 * before (backpressure on the response), and the loop stops (closing the cursor) once it is gone.
 */
export async function responsesXlsx(ctx: Context, scope: AnalyticsScope): Promise<Readable> {
  const { header, cells } = headerAndCells(await deepestLevel(ctx, scope), answerColumns(allQuestions(scope.content)));
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Phieu tra loi');
  sheet.addRow(header).commit();
  void (async () => {
    try {
      for await (const row of exportRows(ctx, scope)) {
        sheet.addRow(cells(row)).commit();
        await drained(out);
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      if (closedEarly(error)) ctx.log.info({ surveyId: scope.survey.id }, 'XLSX export aborted by the client');
      else {
        ctx.log.error({ err: error }, 'XLSX export failed');
        out.destroy(error as Error);
      }
    }
  })();
  return out;
}
