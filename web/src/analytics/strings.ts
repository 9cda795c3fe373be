import { language } from '../lib/i18n.ts';

const vi = {
  title: 'Phân tích kết quả khảo sát',
  listLead: 'Chọn một cuộc khảo sát để xem tiến độ, số liệu theo từng cấp và xuất dữ liệu.',
  noSurveys: 'Chưa có cuộc khảo sát nào trong phạm vi của bạn.',
  submittedOf: '{submitted}/{assigned} đơn vị đã gửi',
  level: 'Tổng hợp theo cấp',
  levelN: 'Cấp {n}',
  basis: 'Dựa trên {n} phiếu đã gửi (phiên bản {versions}).',
  progress: 'Tiến độ',
  unit: 'Đơn vị',
  assigned: 'Được giao',
  submitted: 'Đã gửi',
  rate: 'Tỷ lệ',
  late: 'Quá hạn',
  drafts: 'Đang điền',
  notOpened: 'Chưa mở',
  total: 'Tổng cộng',
  indicators: 'Chỉ số',
  questions: 'Từng câu hỏi',
  show: 'Xem số liệu',
  responses: '{n} phiếu trả lời',
  mean: 'Trung bình',
  median: 'Trung vị',
  min: 'Nhỏ nhất',
  max: 'Lớn nhất',
  sum: 'Tổng',
  byGroup: 'Theo đơn vị',
  crossTab: 'Bảng chéo',
  rows: 'Hàng',
  columns: 'Cột',
  build: 'Lập bảng',
  texts: 'Ý kiến, kiến nghị',
  textQuestion: 'Câu hỏi',
  search: 'Tìm (không cần dấu)',
  more: 'Xem thêm',
  found: 'Tìm thấy {n} ý kiến',
  exports: 'Xuất dữ liệu',
  csv: 'Phiếu trả lời (CSV, Excel)',
  xlsx: 'Phiếu trả lời (XLSX)',
  summary: 'Bảng tổng hợp theo cấp (XLSX)',
  loading: 'Đang tải…',
  failed: 'Không tải được: {message}',
};

const en: typeof vi = {
  title: 'Survey analytics',
  listLead: 'Choose a survey to see its progress, figures by level and exports.',
  noSurveys: 'No survey in your scope yet.',
  submittedOf: '{submitted}/{assigned} units submitted',
  level: 'Group by level',
  levelN: 'Level {n}',
  basis: 'Based on {n} submitted responses (version {versions}).',
  progress: 'Progress',
  unit: 'Unit',
  assigned: 'Assigned',
  submitted: 'Submitted',
  rate: 'Rate',
  late: 'Late',
  drafts: 'Drafts',
  notOpened: 'Not opened',
  total: 'Total',
  indicators: 'Indicators',
  questions: 'Questions',
  show: 'Show figures',
  responses: '{n} responses',
  mean: 'Mean',
  median: 'Median',
  min: 'Min',
  max: 'Max',
  sum: 'Sum',
  byGroup: 'By unit',
  crossTab: 'Cross-tab',
  rows: 'Rows',
  columns: 'Columns',
  build: 'Build table',
  texts: 'Comments and proposals',
  textQuestion: 'Question',
  search: 'Search (accents optional)',
  more: 'Show more',
  found: '{n} answers found',
  exports: 'Exports',
  csv: 'Responses (CSV, Excel)',
  xlsx: 'Responses (XLSX)',
  summary: 'Summary tables by level (XLSX)',
  loading: 'Loading…',
  failed: 'Could not load: {message}',
};

export type AnalyticsKey = keyof typeof vi;

/** This page's own strings, Vietnamese first, following the app's language switch. */
export function s(key: AnalyticsKey, params: Record<string, string | number> = {}): string {
  const text = (language.value === 'en' ? en : vi)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export const pct = (share: number) =>
  `${(share * 100).toLocaleString(language.value === 'en' ? 'en' : 'vi', { maximumFractionDigits: 1 })}%`;

export const num = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined
    ? '—'
    : value.toLocaleString(language.value === 'en' ? 'en' : 'vi', { maximumFractionDigits: digits });
