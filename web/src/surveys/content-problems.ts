/**
 * The shared `validateContent` of `@diemcau/schema` reports problems with a path and a code (its own
 * sentences are English): here they become sentences in the page language, and the place they point at.
 */
import type { ContentProblem, QuestionnaireContent } from '@diemcau/schema';
import { language } from '../lib/i18n.ts';
import { s } from './strings.ts';

const quoted = (message: string) => /"([^"]*)"/.exec(message)?.[1] ?? '';

function viText(p: ContentProblem): string {
  const last = p.path.split('.').at(-1) ?? '';
  switch (p.code) {
    case 'INVALID_KEY':
      return 'Mã chỉ gồm chữ thường không dấu (a–z), số và dấu gạch dưới, bắt đầu bằng chữ cái';
    case 'DUPLICATE_KEY':
      return `Mã “${quoted(p.message)}” bị trùng`;
    case 'REQUIRED':
      if (last === 'numerator' || last === 'denominator') return 'Chọn ít nhất một câu hỏi dạng số';
      return 'Không được để trống';
    case 'EMPTY':
      return p.path === 'sections' ? 'Bảng hỏi cần ít nhất một mục' : 'Mục này cần ít nhất một câu hỏi';
    case 'MISSING_OPTIONS':
      return 'Cần ít nhất hai lựa chọn';
    case 'BAD_BOUNDS':
      if (last === 'maxSelections') return 'Cần 0 ≤ số chọn tối thiểu ≤ số chọn tối đa ≤ số lựa chọn';
      if (last === 'maxLength') return 'Độ dài tối đa từ 1 đến 5.000 ký tự';
      if (p.message.includes('YYYY')) return 'Ngày giới hạn phải có dạng ngày hợp lệ';
      if (p.message.includes('above')) return 'Giá trị nhỏ nhất lớn hơn giá trị lớn nhất';
      return 'Giới hạn phải là số';
    case 'BAD_SCALE':
      return 'Thang đo có từ 2 đến 11 mức';
    case 'MISSING_ROWS':
      return 'Bảng cần ít nhất một dòng';
    case 'BAD_CONDITION':
      return quoted(p.message)
        ? `Điều kiện dựa vào “${quoted(p.message)}”, không phải một câu hỏi đứng trước`
        : 'Điều kiện không hợp lệ';
    case 'UNKNOWN_TYPE':
      return 'Kiểu câu hỏi không hợp lệ';
    case 'KEY_TYPE_CHANGED':
      return `Câu “${quoted(p.message)}” đã phát hành với kiểu khác: câu hỏi kiểu mới cần một mã mới`;
    case 'OPTION_KEY_REMOVED':
      return `Câu “${quoted(p.message)}”: lựa chọn đã có người trả lời ở phiên bản trước, không bỏ được (muốn bỏ, hãy đặt câu hỏi mới với mã mới)`;
    case 'ROW_KEY_REMOVED':
      return `Câu “${quoted(p.message)}”: dòng đã có người trả lời ở phiên bản trước, không bỏ được (muốn bỏ, hãy đặt câu hỏi mới với mã mới)`;
    case 'OPTION_MEANING_CHANGED':
      return `Câu “${quoted(p.message)}”: một lựa chọn không thể trở thành hoặc thôi là “Khác (ghi rõ)”`;
    case 'SCALE_CHANGED':
      return `Câu “${quoted(p.message)}” đã phát hành với thang đo khác: thang đo mới cần một mã mới`;
    case 'INVALID':
      return 'Không đúng cấu trúc của bảng hỏi';
    case 'BAD_INDICATOR':
      return `“${quoted(p.message)}” không phải câu hỏi dạng số`;
    default:
      return 'Không đúng dạng';
  }
}

/** The problem as a sentence in the page language. */
export function contentProblemText(p: ContentProblem): string {
  return language.value === 'vi' ? viText(p) : p.message.charAt(0).toUpperCase() + p.message.slice(1);
}

/** "Mục 2 › Câu 3 (held_study)": where a problem is, for a list of problems. */
export function problemPlace(path: string, content: QuestionnaireContent): string {
  const section = /^sections\[(\d+)\]/.exec(path);
  const question = /questions\[(\d+)\]/.exec(path);
  const indicator = /^indicators\[(\d+)\]/.exec(path);
  if (indicator) {
    const i = Number(indicator[1]);
    return s('place.indicator', { n: i + 1, key: content.indicators?.[i]?.key ?? '' });
  }
  if (!section) return s('place.questionnaire');
  const si = Number(section[1]);
  const sec = content.sections[si];
  if (!question) return s('place.section', { n: si + 1, title: sec?.title || sec?.key || '' });
  const qi = Number(question[1]);
  return s('place.question', { section: si + 1, n: qi + 1, key: sec?.questions[qi]?.key ?? '' });
}

/** A server problem about content (`extensions.reason` is the code of `validateContent`), in the page language. */
export function serverContentProblem(extensions: Record<string, unknown> | undefined, message: string): string | null {
  const field = typeof extensions?.field === 'string' ? extensions.field : '';
  const reason = typeof extensions?.reason === 'string' ? extensions.reason : '';
  const at = field.indexOf('content.');
  if (!reason || at < 0) return null;
  return contentProblemText({ path: field.slice(at + 'content.'.length), code: reason, message });
}
