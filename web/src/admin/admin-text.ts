import { language } from '../lib/i18n.ts';

/**
 * Strings of the admin pages' newer forms (editing an account's role and scope, adding a unit kind),
 * Vietnamese first, in the page language of lib/i18n.ts (like survey/strings.ts and analytics/strings.ts).
 */
const vi = {
  'edit.open': 'Đổi vai trò, phạm vi',
  'edit.legend': 'Vai trò và phạm vi của {username}',
  'edit.save': 'Lưu',
  'edit.saved': 'Đã cập nhật vai trò và phạm vi của {username}. Tài khoản phải mở lại các màn hình trực tiếp.',
  'edit.scopeKeep': 'Để trống: giữ phạm vi hiện tại ({scope}).',
  'kind.title': 'Thêm loại đơn vị',
  'kind.code': 'Mã loại',
  'kind.codeHint': 'CHỮ_IN_HOA và dấu gạch dưới, ví dụ YOUTH_UNION.',
  'kind.codeRule': 'Mã loại: chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ',
  'kind.nameVi': 'Tên tiếng Việt',
  'kind.nameEn': 'Tên tiếng Anh',
  'kind.nameRequired': 'Nhập tên',
  'kind.create': 'Thêm loại',
  'kind.created': 'Đã thêm loại đơn vị “{name}”.',
};
type Key = keyof typeof vi;
const en: Record<Key, string> = {
  'edit.open': 'Change role, scope',
  'edit.legend': 'Role and scope of {username}',
  'edit.save': 'Save',
  'edit.saved': '{username}’s role and scope are updated. The account must reopen its live screens.',
  'edit.scopeKeep': 'Leave empty to keep the current scope ({scope}).',
  'kind.title': 'Add a unit kind',
  'kind.code': 'Kind code',
  'kind.codeHint': 'UPPER_SNAKE_CASE, e.g. YOUTH_UNION.',
  'kind.codeRule': 'Kind code: unaccented capitals, digits and underscores, starting with a letter',
  'kind.nameVi': 'Vietnamese name',
  'kind.nameEn': 'English name',
  'kind.nameRequired': 'Enter a name',
  'kind.create': 'Add kind',
  'kind.created': 'Unit kind “{name}” added.',
};

export function at(key: Key, params: Record<string, string | number> = {}): string {
  const text = (language.value === 'vi' ? vi : en)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
