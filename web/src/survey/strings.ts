/** The respondent form's own words (not the admin app's dictionary), Vietnamese first. */

export type Lang = 'vi' | 'en';

const vi = {
  loading: 'Đang tải phiếu khảo sát…',
  unit: 'Đơn vị',
  deadline: 'Hạn gửi',
  document: 'Văn bản',
  requiredNote: 'Câu có dấu * là bắt buộc.',
  required: '(bắt buộc)',
  step: 'Bước {n} trên {total}',
  progress: 'Tiến độ',
  review: 'Xem lại và gửi',
  back: 'Quay lại',
  next: 'Tiếp tục',
  toReview: 'Xem lại',
  edit: 'Sửa',
  editSection: 'Sửa phần {s}',
  notAnswered: 'Chưa trả lời',
  yes: 'Có',
  no: 'Không',
  other: 'Ghi rõ',
  chooseUpTo: 'Chọn tối đa {n}',
  chooseAtLeast: 'Chọn ít nhất {n}',
  notNumber: 'Cần nhập một số (ví dụ 12,5)',
  submittedBy: 'Họ tên, chức vụ người gửi phiếu',
  submittedByRequired: 'Hãy ghi họ tên người gửi phiếu',
  submit: 'Gửi phiếu',
  submitAmend: 'Gửi bản sửa',
  submitting: 'Đang gửi…',
  errorsSummary: 'Phiếu còn {n} chỗ cần sửa. Câu đầu tiên cần sửa đã được chọn.',
  submitOffline: 'Mất mạng nên chưa gửi được. Phiếu vẫn được giữ trên máy này; hãy thử lại khi có mạng.',
  submitFailed: 'Chưa gửi được phiếu ({code}). Hãy thử lại.',
  saved: 'Đã lưu',
  saving: 'Đang lưu…',
  offline: 'Mất mạng — đã giữ trên máy này',
  saveFailed: 'Chưa lưu được lên máy chủ — đã giữ trên máy này',
  receiptTitle: 'Đã gửi phiếu',
  amendedTitle: 'Đã gửi bản sửa',
  receiptNumber: 'Số biên nhận',
  receiptTime: 'Thời gian gửi',
  receiptBy: 'Người gửi',
  print: 'In biên nhận',
  amend: 'Sửa phiếu đã gửi',
  amendUntil: 'Có thể sửa phiếu đến hạn {d}.',
  amending: 'Bạn đang sửa phiếu đã gửi. Bấm "Gửi bản sửa" để lưu thay đổi.',
  cancelAmend: 'Huỷ sửa',
  closedNote: 'Khảo sát đã đóng; phiếu không còn sửa được.',
  pastDeadlineNote: 'Đã quá hạn gửi phiếu; phiếu không còn sửa được.',
  opensAtNote: 'Khảo sát mở nhận phiếu từ {d}.',
  deadlineWasNote: 'Hạn gửi phiếu của đơn vị là {d}.',
  yourAnswers: 'Câu trả lời đã gửi',
  retry: 'Thử lại',
  'err.LINK_INVALID': [
    'Đường dẫn không hợp lệ',
    'Hãy kiểm tra lại đường dẫn trong văn bản hoặc thư đã nhận. Nếu vẫn lỗi, liên hệ cơ quan tổ chức khảo sát.',
  ],
  'err.LINK_REVOKED': [
    'Đường dẫn đã bị thu hồi',
    'Cơ quan tổ chức khảo sát đã thu hồi đường dẫn này. Hãy liên hệ họ để nhận đường dẫn mới.',
  ],
  'err.LINK_REPLACED': [
    'Đường dẫn đã được thay',
    'Đơn vị đã được cấp một đường dẫn mới. Hãy dùng đường dẫn mới nhất mà cơ quan tổ chức khảo sát đã gửi.',
  ],
  'err.ASSIGNMENT_WITHDRAWN': [
    'Đơn vị không còn trong diện khảo sát',
    'Cơ quan tổ chức đã rút đơn vị khỏi cuộc khảo sát này; không cần gửi phiếu.',
  ],
  'err.SURVEY_NOT_OPEN': [
    'Khảo sát chưa mở',
    'Cuộc khảo sát chưa bắt đầu nhận phiếu. Hãy mở lại đường dẫn này khi khảo sát đã mở; không cần xin đường dẫn mới.',
  ],
  'err.SURVEY_CLOSED': [
    'Khảo sát đã đóng',
    'Cơ quan tổ chức đã đóng cuộc khảo sát này nên không nhận thêm phiếu. Nếu đơn vị chưa kịp gửi, hãy liên hệ cơ quan tổ chức.',
  ],
  'err.DEADLINE_PASSED': [
    'Đã quá hạn gửi phiếu',
    'Hạn gửi phiếu của đơn vị đã qua nên phiếu không còn gửi được. Nếu đơn vị cần thêm thời gian, hãy đề nghị cơ quan tổ chức gia hạn.',
  ],
  'err.NOT_WRITABLE': [
    'Khảo sát hiện không nhận phiếu',
    'Cuộc khảo sát hiện không nhận phiếu. Liên hệ cơ quan tổ chức khảo sát nếu cần.',
  ],
  'err.NETWORK_ERROR': ['Không kết nối được máy chủ', 'Hãy kiểm tra mạng rồi thử lại.'],
  'err.ERROR': ['Có lỗi xảy ra', 'Không mở được phiếu khảo sát. Hãy thử lại sau ít phút.'],
} as const;

type Key = keyof typeof vi;
type Dict = { [K in Key]: (typeof vi)[K] extends readonly string[] ? readonly [string, string] : string };

const en: Dict = {
  loading: 'Loading the questionnaire…',
  unit: 'Unit',
  deadline: 'Deadline',
  document: 'Document',
  requiredNote: 'Questions marked * are required.',
  required: '(required)',
  step: 'Step {n} of {total}',
  progress: 'Progress',
  review: 'Review and submit',
  back: 'Back',
  next: 'Continue',
  toReview: 'Review',
  edit: 'Edit',
  editSection: 'Edit section {s}',
  notAnswered: 'Not answered',
  yes: 'Yes',
  no: 'No',
  other: 'Please specify',
  chooseUpTo: 'Choose up to {n}',
  chooseAtLeast: 'Choose at least {n}',
  notNumber: 'Enter a number (e.g. 12.5)',
  submittedBy: 'Name and position of the person submitting',
  submittedByRequired: 'Enter the name of the person submitting',
  submit: 'Submit',
  submitAmend: 'Submit the amendment',
  submitting: 'Submitting…',
  errorsSummary: 'There are {n} problems to fix. The first one has been selected.',
  submitOffline: 'You are offline, so nothing was sent. The answers are kept on this device; try again when online.',
  submitFailed: 'The questionnaire was not submitted ({code}). Please try again.',
  saved: 'Saved',
  saving: 'Saving…',
  offline: 'Offline — kept on this device',
  saveFailed: 'Not saved to the server — kept on this device',
  receiptTitle: 'Submitted',
  amendedTitle: 'Amendment submitted',
  receiptNumber: 'Receipt number',
  receiptTime: 'Submitted at',
  receiptBy: 'Submitted by',
  print: 'Print the receipt',
  amend: 'Amend the response',
  amendUntil: 'The response can be amended until {d}.',
  amending: 'You are amending a submitted response. Press "Submit the amendment" to keep the changes.',
  cancelAmend: 'Cancel',
  closedNote: 'The survey is closed; the response can no longer change.',
  pastDeadlineNote: 'The deadline has passed; the response can no longer change.',
  opensAtNote: 'It opens for responses on {d}.',
  deadlineWasNote: "Your unit's deadline was {d}.",
  yourAnswers: 'Answers submitted',
  retry: 'Try again',
  'err.LINK_INVALID': [
    'This link is not valid',
    'Check the link in the letter or message you received. If it still fails, contact the survey organizer.',
  ],
  'err.LINK_REVOKED': ['This link was revoked', 'The organizer has revoked this link. Ask them for a new one.'],
  'err.LINK_REPLACED': [
    'This link was replaced',
    'Your unit was given a new link. Use the latest link the organizer sent.',
  ],
  'err.ASSIGNMENT_WITHDRAWN': [
    'Your unit is no longer surveyed',
    'The organizer withdrew your unit from this survey; nothing needs to be sent.',
  ],
  'err.SURVEY_NOT_OPEN': [
    'The survey is not open yet',
    'The survey is not taking responses yet. Open this link again once it has opened; no new link is needed.',
  ],
  'err.SURVEY_CLOSED': [
    'The survey was closed',
    'The organizer has closed this survey, so no more responses are taken. If your unit did not submit in time, contact the organizer.',
  ],
  'err.DEADLINE_PASSED': [
    'The deadline has passed',
    "Your unit's deadline has passed, so the questionnaire can no longer be submitted. If your unit needs more time, ask the organizer for an extension.",
  ],
  'err.NOT_WRITABLE': [
    'The survey is not taking responses',
    'The survey is not taking responses at the moment. Contact the organizer if needed.',
  ],
  'err.NETWORK_ERROR': ['The server cannot be reached', 'Check the network and try again.'],
  'err.ERROR': ['Something went wrong', 'The questionnaire could not be opened. Try again in a few minutes.'],
};

const dicts = { vi, en } as const;

export function t(
  lang: Lang,
  key: Exclude<Key, `err.${string}`>,
  params: Record<string, string | number> = {},
): string {
  return (dicts[lang][key] as string).replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? ''));
}

export const errorCodes = [
  'LINK_INVALID',
  'LINK_REVOKED',
  'LINK_REPLACED',
  'ASSIGNMENT_WITHDRAWN',
  'SURVEY_NOT_OPEN',
  'SURVEY_CLOSED',
  'DEADLINE_PASSED',
  'NOT_WRITABLE',
  'NETWORK_ERROR',
] as const;

/** Title and explanation of a page shown instead of the form. */
export function errorText(lang: Lang, code: string): readonly [string, string] {
  const key = `err.${(errorCodes as readonly string[]).includes(code) ? code : 'ERROR'}` as `err.${string}` & Key;
  return dicts[lang][key] as readonly [string, string];
}

const locale = { vi: 'vi-VN', en: 'en-GB' };

/** `22/12/2026 17:00` in both languages (the way Vietnamese documents write dates). */
export function formatDateTime(_lang: Lang, iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A date in a sentence, spelled out: `lúc 17:00 Thứ Ba, 22 tháng 12, 2026` / `Tuesday 22 December 2026 at 17:00`. */
export function formatLongDateTime(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleString(locale[lang], { dateStyle: 'full', timeStyle: 'short' });
}

export function formatNumber(lang: Lang, n: number): string {
  return n.toLocaleString(locale[lang], { maximumFractionDigits: 6 });
}
