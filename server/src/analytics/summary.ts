import { PassThrough, type Readable } from 'node:stream';
import { allQuestions } from '@diemcau/schema';
import ExcelJS from 'exceljs';
import type { Context } from '../graphql/context.ts';
import { type AnalyticsScope, basis, choices, indicators, numbers, progress } from './analytics.service.ts';

const percent = (x: number) => Math.round(x * 1000) / 10;

/**
 * The review report's tables as XLSX, by the groups of the chosen level: progress, indicators, and
 * per question the option shares (choices, yes/no, scales) or the number figures. Built from the
 * same analytics queries as the GraphQL fields, so the two always agree.
 */
export async function summaryXlsx(ctx: Context, scope: AnalyticsScope): Promise<Readable> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'diemcau';

  const report = await progress(ctx, scope);
  const sheet = workbook.addWorksheet('Tien do');
  sheet.addRow([
    'Đơn vị',
    'Mã',
    'Được giao',
    'Đã gửi',
    'Tỷ lệ (%)',
    'Đúng hạn',
    'Quá hạn',
    'Đang điền',
    'Đã mở',
    'Chưa mở',
  ]);
  for (const g of [...report.groups, { ...report.total, unitName: 'Tổng cộng', unitCode: '' }]) {
    sheet.addRow([
      g.unitName,
      g.unitCode,
      g.assigned,
      g.submitted,
      percent(g.rate),
      g.submittedOnTime,
      g.submittedLate,
      g.drafts,
      g.opened,
      g.notOpened,
    ]);
  }

  const figures = await indicators(ctx, scope);
  if (figures.length > 0) {
    const s = workbook.addWorksheet('Chi so');
    s.addRow(['Chỉ số', 'Đơn vị', 'Tử số', 'Mẫu số', 'Giá trị', 'Số phiếu', 'Phiên bản']);
    for (const f of figures) {
      for (const g of f.groups) s.addRow([f.label, g.unitName, g.numerator, g.denominator, g.value, g.responses]);
      const t = f.total;
      s.addRow([f.label, 'Tổng cộng', t.numerator, t.denominator, t.value, t.responses, f.basis.versions.join(', ')]);
    }
  }

  const questions = workbook.addWorksheet('Cau hoi');
  questions.addRow([
    'Câu hỏi',
    'Mã câu',
    'Đơn vị',
    'Số phiếu trả lời',
    'Lựa chọn / chỉ tiêu',
    'Số lượng / giá trị',
    'Tỷ lệ (%)',
    'Phiên bản',
  ]);
  for (const q of allQuestions(scope.content)) {
    if (['single_choice', 'multiple_choice', 'yes_no', 'scale'].includes(q.type)) {
      const b = await choices(ctx, scope, q);
      for (const g of [...b.groups, { ...b.total, unitName: 'Tổng cộng' }]) {
        const versions = g.unitId === null ? b.basis.versions.join(', ') : null;
        for (const o of g.options)
          questions.addRow([
            q.label,
            q.key,
            g.unitName,
            g.responses,
            o.label ?? o.key,
            o.count,
            percent(o.share),
            versions,
          ]);
        if (g.mean !== null)
          questions.addRow([q.label, q.key, g.unitName, g.responses, 'Trung bình', g.mean, null, versions]);
      }
    } else if (['integer', 'decimal', 'percentage'].includes(q.type)) {
      const b = await numbers(ctx, scope, q);
      for (const g of [...b.groups, { ...b.total, unitName: 'Tổng cộng' }]) {
        for (const [label, value] of [
          ['Tổng', g.sum],
          ['Trung bình', g.mean],
          ['Trung vị', g.median],
          ['Nhỏ nhất', g.min],
          ['Lớn nhất', g.max],
        ] as const) {
          questions.addRow([
            q.label,
            q.key,
            g.unitName,
            g.count,
            label,
            value,
            null,
            g.unitId === null ? b.basis.versions.join(', ') : null,
          ]);
        }
      }
    }
  }
  // What every table rests on: the submitted responses counted and the questionnaire versions.
  const rests = await basis(ctx, scope);
  const b = workbook.addWorksheet('Co so');
  b.addRow(['Cơ sở số liệu', 'Giá trị']);
  b.addRow(['Số phiếu đã gửi', rests.responses]);
  b.addRow(['Phiên bản bảng hỏi', rests.versions.join(', ')]);
  b.addRow(['Tổng hợp theo cấp', scope.level]);
  b.addRow(['Thời điểm lập', new Date().toISOString()]);
  for (const s of workbook.worksheets) {
    s.getRow(1).font = { bold: true };
    s.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const out = new PassThrough();
  void workbook.xlsx.write(out).then(
    () => out.end(),
    (error: Error) => out.destroy(error),
  );
  return out;
}
