import { type Answers, allQuestions, isEmptyAnswer, type QuestionnaireContent } from '@diemcau/schema';

/** One typed row per answer, as stored in `answer` (multiple choice and matrix: one row per option or row). */
export type AnswerRow = {
  questionKey: string;
  optionKey: string | null;
  numericValue: number | null;
  textValue: string | null;
  dateValue: string | null;
};

/**
 * Answers (already validated) → typed rows. Empty answers give no row. Choices keep the option key
 * (and the "Other" text on the other option's row); yes/no is option `yes`/`no` with 1/0; a matrix
 * row is `option_key` = row key with the scale point as the number.
 */
export function toAnswerRows(content: QuestionnaireContent, answers: Answers): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const row = (questionKey: string, parts: Partial<AnswerRow>) =>
    rows.push({ questionKey, optionKey: null, numericValue: null, textValue: null, dateValue: null, ...parts });
  for (const q of allQuestions(content)) {
    const value = answers[q.key];
    if (isEmptyAnswer(value)) continue;
    const otherKeys = new Set((q.options ?? []).filter((o) => o.other).map((o) => o.key));
    switch (q.type) {
      case 'single_choice': {
        const v = value as { choice: string; other?: string };
        row(q.key, { optionKey: v.choice, textValue: otherKeys.has(v.choice) ? (v.other?.trim() ?? null) : null });
        break;
      }
      case 'multiple_choice': {
        const v = value as { choices: string[]; other?: string };
        for (const choice of v.choices) {
          row(q.key, { optionKey: choice, textValue: otherKeys.has(choice) ? (v.other?.trim() ?? null) : null });
        }
        break;
      }
      case 'yes_no':
        row(q.key, { optionKey: value ? 'yes' : 'no', numericValue: value ? 1 : 0 });
        break;
      case 'short_text':
      case 'long_text':
        row(q.key, { textValue: (value as string).trim() });
        break;
      case 'integer':
      case 'decimal':
      case 'percentage':
      case 'scale':
        row(q.key, { numericValue: value as number });
        break;
      case 'date':
        row(q.key, { dateValue: value as string });
        break;
      case 'matrix':
        for (const [rowKey, point] of Object.entries(value as Record<string, number>)) {
          row(q.key, { optionKey: rowKey, numericValue: point });
        }
        break;
    }
  }
  return rows;
}

/** The answers as stored: visible, non-empty, texts trimmed. */
export function normaliseAnswers(answers: Answers): Answers {
  const out: Answers = {};
  for (const [key, value] of Object.entries(answers)) {
    if (isEmptyAnswer(value)) continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/** JSON with object keys sorted: jsonb does not keep key order, so plain JSON.stringify can't compare. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What changed between two sets of answers, for the amendment history. */
export function diffAnswers(before: Answers, after: Answers): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (canonical(a) !== canonical(b)) changes[key] = { before: a, after: b };
  }
  return changes;
}
