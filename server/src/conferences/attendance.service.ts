import { stringify as stringifyCsv } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { query, sql } from '../db/sql.ts';
import type { Context } from '../graphql/context.ts';
import * as repo from './conference.repository.ts';
import {
  type AttendanceBridgePoint,
  type AttendanceFile,
  AttendanceFileKind,
  type AttendanceReport,
  type Conference,
} from './conference.types.ts';

type ReportRow = Omit<AttendanceBridgePoint, 'intervals' | 'excusedAbsences' | 'connectedSeconds'>;

/**
 * The attendance record per bridge point: connected intervals, peak, reported headcount, check-ins and
 * excused absences. Final (frozen) once the conference has ENDED; before that, a provisional one.
 */
export async function attendanceReport(ctx: Context, conference: Conference): Promise<AttendanceReport> {
  const rows = await query<ReportRow>(
    ctx.em,
    sql`select b.id as "bridgePointId", u.code as "unitCode", u.name as "unitName", b.display_name as "displayName",
               b.is_host as host, b.expected_headcount as "expectedHeadcount", b.reported_headcount as "reportedHeadcount",
               b.peak_present as "peakPresent", b.peak_present_at as "peakPresentAt",
               b.first_connected_at as "firstConnectedAt",
               (select count(*)::int from check_in c where c.bridge_point_id = b.id) as "checkIns"
          from bridge_point b join unit u on u.id = b.unit_id
         where b.conference_id = ${conference.id}
         order by ${repo.bridgePointOrder}`,
  );
  const intervals = await query<{ bridgePointId: number; connectedAt: Date; disconnectedAt: Date | null }>(
    ctx.em,
    sql`select i.bridge_point_id as "bridgePointId", i.connected_at as "connectedAt", i.disconnected_at as "disconnectedAt"
          from bridge_point_interval i join bridge_point b on b.id = i.bridge_point_id
         where b.conference_id = ${conference.id}
         order by i.connected_at, i.id`,
  );
  const excused = await repo.excusedAbsencesOf(
    ctx.em,
    rows.map((r) => r.bridgePointId),
  );
  const now = new Date();
  const until = conference.endedAt ?? now;
  const byBridgePoint = new Map<number, { connectedAt: Date; disconnectedAt: Date | null }[]>();
  for (const interval of intervals) {
    const list = byBridgePoint.get(interval.bridgePointId) ?? [];
    list.push({ connectedAt: interval.connectedAt, disconnectedAt: interval.disconnectedAt });
    byBridgePoint.set(interval.bridgePointId, list);
  }
  const bridgePoints: AttendanceBridgePoint[] = rows.map((row) => {
    const list = byBridgePoint.get(row.bridgePointId) ?? [];
    const ms = list.reduce(
      (sum, i) => sum + Math.max(0, (i.disconnectedAt ?? until).getTime() - i.connectedAt.getTime()),
      0,
    );
    return {
      ...row,
      intervals: list,
      connectedSeconds: Math.round(ms / 1000),
      excusedAbsences: excused.get(row.bridgePointId) ?? [],
    };
  });
  return {
    final: conference.status === 'ENDED',
    generatedAt: now,
    totals: {
      bridgePoints: bridgePoints.length,
      everConnected: bridgePoints.filter((b) => b.firstConnectedAt).length,
      neverConnected: bridgePoints.filter((b) => !b.firstConnectedAt).length,
      expected: bridgePoints.reduce((s, b) => s + b.expectedHeadcount, 0),
      reported: bridgePoints.reduce((s, b) => s + (b.reportedHeadcount ?? 0), 0),
      checkIns: bridgePoints.reduce((s, b) => s + b.checkIns, 0),
      excusedAbsences: bridgePoints.reduce((s, b) => s + b.excusedAbsences.length, 0),
      peakPresent: conference.peakPresent,
      peakPresentAt: conference.peakPresentAt,
    },
    bridgePoints,
  };
}

const vietnamTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-22 08:00:00` in Vietnam time (UTC+7, no daylight saving), which Excel reads as a date. */
export function formatVietnamTime(date: Date | null | undefined): string {
  return date ? vietnamTime.format(date) : '';
}

function clockOf(date: Date): string {
  return formatVietnamTime(date).slice(11);
}

/** Text typed by people could be read by a spreadsheet as a formula: keep it text. */
function cell(text: string | null | undefined): string {
  if (!text) return '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function toCsv(table: AttendanceTable): string {
  return `\uFEFF${stringifyCsv(table.rows, { header: true, columns: table.header, record_delimiter: '\r\n' })}`;
}

/** The table as an XLSX workbook: one sheet, a bold frozen header, columns sized to their text. */
export async function toXlsx(table: AttendanceTable, sheet: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'diemcau';
  const ws = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(table.header).font = { bold: true };
  for (const row of table.rows) ws.addRow(row);
  table.header.forEach((title, i) => {
    const widest = Math.max(title.length, ...table.rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type AttendanceTable = { name: string; header: string[]; rows: (string | number)[][] };

/** The attendance record as a table: per bridge point, or the roll call (one row per participant). */
export async function attendanceTable(
  ctx: Context,
  conference: Conference,
  kind: AttendanceFileKind,
): Promise<AttendanceTable> {
  if (kind === AttendanceFileKind.CHECK_INS) {
    const rows = await query<{
      unitCode: string;
      unitName: string;
      displayName: string;
      name: string;
      memberNumber: string | null;
      firstSeenAt: Date;
      lastSeenAt: Date;
      connections: number;
    }>(
      ctx.em,
      sql`select u.code as "unitCode", u.name as "unitName", b.display_name as "displayName", c.name,
                 c.member_number as "memberNumber", c.first_seen_at as "firstSeenAt", c.last_seen_at as "lastSeenAt",
                 c.connections
            from check_in c join bridge_point b on b.id = c.bridge_point_id join unit u on u.id = b.unit_id
           where c.conference_id = ${conference.id}
           order by ${repo.bridgePointOrder}, c.first_seen_at, c.id`,
    );
    return {
      name: `diem-danh-${conference.id}`,
      header: ['Mã đơn vị', 'Đơn vị', 'Điểm cầu', 'Họ tên', 'Số thẻ đảng viên', 'Đến lúc', 'Rời lúc', 'Số lần kết nối'],
      rows: rows.map((r) => [
        r.unitCode,
        r.unitName,
        cell(r.displayName),
        cell(r.name),
        r.memberNumber ?? '',
        formatVietnamTime(r.firstSeenAt),
        formatVietnamTime(r.lastSeenAt),
        r.connections,
      ]),
    };
  }
  const report = await attendanceReport(ctx, conference);
  return {
    name: `tham-du-hoi-nghi-${conference.id}`,
    header: [
      'Mã đơn vị',
      'Đơn vị',
      'Điểm cầu',
      'Điểm cầu chính',
      'Số dự kiến',
      'Số báo cáo',
      'Số điểm danh',
      'Có mặt cao nhất',
      'Lúc cao nhất',
      'Kết nối lần đầu',
      'Số phút kết nối',
      'Các khoảng kết nối',
      'Số vắng có lý do',
      'Vắng có lý do',
    ],
    rows: report.bridgePoints.map((b) => [
      b.unitCode,
      b.unitName,
      cell(b.displayName),
      b.host ? 'x' : '',
      b.expectedHeadcount,
      b.reportedHeadcount ?? '',
      b.checkIns,
      b.peakPresent,
      formatVietnamTime(b.peakPresentAt),
      formatVietnamTime(b.firstConnectedAt),
      Math.round(b.connectedSeconds / 60),
      b.intervals
        .map((i) => `${clockOf(i.connectedAt)}–${i.disconnectedAt ? clockOf(i.disconnectedAt) : '…'}`)
        .join('; '),
      b.excusedAbsences.length,
      cell(b.excusedAbsences.map((a) => `${a.name} (${a.reason})`).join('; ')),
    ]),
  };
}

/** The CSV (UTF-8 with BOM, CRLF) that GraphQL's `attendanceFile` returns. */
export async function attendanceFile(
  ctx: Context,
  conference: Conference,
  kind: AttendanceFileKind,
): Promise<AttendanceFile> {
  const table = await attendanceTable(ctx, conference, kind);
  return { filename: `${table.name}.csv`, contentType: 'text/csv; charset=utf-8', content: toCsv(table) };
}

export { toCsv as attendanceCsv };
