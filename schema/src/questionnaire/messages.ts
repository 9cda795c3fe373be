import type { AnswerProblem, AnswerProblemCode } from './validation.ts';

type Lang = 'vi' | 'en';
type Params = AnswerProblem['params'];

const text: Record<AnswerProblemCode, Record<Lang, (p: NonNullable<Params>) => string>> = {
  UNKNOWN_QUESTION: {
    vi: () => 'Không có câu hỏi này trong phiếu',
    en: () => 'No such question in this questionnaire',
  },
  WRONG_TYPE: { vi: () => 'Câu trả lời không đúng kiểu', en: () => 'The answer has the wrong type' },
  NOT_AN_OPTION: { vi: () => 'Lựa chọn không có trong danh sách', en: () => 'Not one of the options' },
  UNKNOWN_ROW: { vi: () => 'Dòng không có trong bảng', en: () => 'No such row' },
  NOT_AN_INTEGER: { vi: () => 'Cần nhập số nguyên', en: () => 'Enter a whole number' },
  INVALID_DATE: { vi: () => 'Ngày không hợp lệ', en: () => 'Not a valid date' },
  TOO_LONG: { vi: (p) => `Tối đa ${p.maxLength} ký tự`, en: (p) => `At most ${p.maxLength} characters` },
  DUPLICATE_SELECTION: { vi: () => 'Một lựa chọn bị chọn hai lần', en: () => 'An option is chosen twice' },
  UNEXPECTED_OTHER: { vi: () => 'Chỉ ghi rõ khi chọn "Khác"', en: () => 'Specify only when "Other" is chosen' },
  REQUIRED: { vi: () => 'Câu hỏi bắt buộc', en: () => 'This question is required' },
  OTHER_TEXT_REQUIRED: { vi: () => 'Hãy ghi rõ lựa chọn "Khác"', en: () => 'Please specify "Other"' },
  OUT_OF_RANGE: {
    vi: (p) =>
      p.min !== undefined && p.max !== undefined
        ? `Giá trị phải từ ${p.min} đến ${p.max}`
        : p.min !== undefined
          ? `Giá trị phải từ ${p.min} trở lên`
          : `Giá trị phải không quá ${p.max}`,
    en: (p) =>
      p.min !== undefined && p.max !== undefined
        ? `Must be between ${p.min} and ${p.max}`
        : p.min !== undefined
          ? `Must be at least ${p.min}`
          : `Must be at most ${p.max}`,
  },
  TOO_FEW_SELECTIONS: { vi: (p) => `Chọn ít nhất ${p.min}`, en: (p) => `Choose at least ${p.min}` },
  TOO_MANY_SELECTIONS: { vi: (p) => `Chọn nhiều nhất ${p.max}`, en: (p) => `Choose at most ${p.max}` },
  HIDDEN_QUESTION_ANSWERED: {
    vi: () => 'Câu hỏi này không áp dụng với các câu trả lời trước',
    en: () => 'This question does not apply given the earlier answers',
  },
};

/** A problem as a sentence for the respondent, Vietnamese first. */
export function problemMessage(problem: Pick<AnswerProblem, 'code' | 'params'>, lang: Lang = 'vi'): string {
  return text[problem.code][lang](problem.params ?? {});
}
