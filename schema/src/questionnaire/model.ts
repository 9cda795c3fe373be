/**
 * The questionnaire model shared by the server (the authority) and the respondent form (instant
 * feedback). Every question and option has a stable key used by storage, exports and analytics.
 */

export const questionTypes = [
  'single_choice',
  'multiple_choice',
  'yes_no',
  'short_text',
  'long_text',
  'integer',
  'decimal',
  'percentage',
  'date',
  'scale',
  'matrix',
] as const;
export type QuestionType = (typeof questionTypes)[number];

/** Stable keys: lowercase ASCII, digits and underscores, starting with a letter (e.g. `members_total`). */
export const keyPattern = /^[a-z][a-z0-9_]{0,62}$/;

export type ChoiceOption = {
  key: string;
  label: string;
  labelEn?: string;
  /** "Khác (ghi rõ)" / "Other (please specify)": choosing it asks for a text. */
  other?: boolean;
};

export type MatrixRow = { key: string; label: string; labelEn?: string };

/** When a question is shown. Conditions refer to questions earlier in the questionnaire. */
export type Condition =
  | { question: string; op: 'equals' | 'not_equals'; value: string | number | boolean }
  | { question: string; op: 'one_of'; value: (string | number | boolean)[] }
  | { question: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number | string }
  | { question: string; op: 'includes'; value: string }
  | { question: string; op: 'answered' | 'not_answered' }
  | { all: Condition[] }
  | { any: Condition[] };

export type Question = {
  key: string;
  type: QuestionType;
  label: string;
  labelEn?: string;
  help?: string;
  helpEn?: string;
  required?: boolean;
  /** integer, decimal, percentage, scale bounds; date bounds as `YYYY-MM-DD`. */
  min?: number | string;
  max?: number | string;
  /** short_text (default 300) and long_text (default 5,000). */
  maxLength?: number;
  /** multiple_choice. */
  minSelections?: number;
  maxSelections?: number;
  /** single_choice and multiple_choice. */
  options?: ChoiceOption[];
  /** scale and matrix: 1..points, with labels at both ends. */
  scale?: { points: number; minLabel?: string; maxLabel?: string; minLabelEn?: string; maxLabelEn?: string };
  /** matrix: each row answered on the one scale. */
  rows?: MatrixRow[];
  /** A unit shown after numbers, e.g. "người", "%". */
  suffix?: string;
  visibleIf?: Condition;
};

export type Section = {
  key: string;
  title: string;
  titleEn?: string;
  description?: string;
  descriptionEn?: string;
  questions: Question[];
};

/**
 * A named figure of the review report: the ratio of sums of numeric questions (e.g. members who
 * studied / members), rolled up as a ratio of sums — never a mean of per-unit ratios.
 */
export type Indicator = {
  key: string;
  label: string;
  labelEn?: string;
  numerator: string[];
  denominator: string[];
  /** Shown as a percentage (×100). Default true. */
  percent?: boolean;
};

export type QuestionnaireContent = { sections: Section[]; indicators?: Indicator[] };

/** What a respondent sends for each question type. */
export type ChoiceAnswer = { choice: string; other?: string };
export type MultiChoiceAnswer = { choices: string[]; other?: string };
export type AnswerValue =
  | ChoiceAnswer // single_choice
  | MultiChoiceAnswer // multiple_choice
  | boolean // yes_no
  | string // short_text, long_text, date (YYYY-MM-DD)
  | number // integer, decimal, percentage, scale
  | Record<string, number>; // matrix: row key → scale point

export type Answers = Record<string, AnswerValue | null | undefined>;

export const textLimits = { short_text: 300, long_text: 5000, other: 300 } as const;

export function allQuestions(content: QuestionnaireContent): Question[] {
  return content.sections.flatMap((s) => s.questions);
}
