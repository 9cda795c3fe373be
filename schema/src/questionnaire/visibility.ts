import { type Answers, type AnswerValue, allQuestions, type Condition, type QuestionnaireContent } from './model.ts';

function isEmpty(value: AnswerValue | null | undefined): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value === 'object' && 'choices' in value)
    return !Array.isArray(value.choices) || value.choices.length === 0;
  if (typeof value === 'object' && !('choice' in value)) return Object.keys(value).length === 0;
  return false;
}

/** The comparable value of an answer: the option key of a choice, the value itself otherwise. */
function scalar(value: AnswerValue | null | undefined): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') return 'choice' in value ? (value.choice as string) : undefined;
  return value;
}

function compare(a: string | number | boolean | undefined, b: number | string): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0; // ISO dates compare as text
  return null;
}

/** Whether a condition holds, given answers of the questions visible so far (hidden ones count as unanswered). */
export function conditionHolds(condition: Condition, answers: Answers, visible: ReadonlySet<string>): boolean {
  // Published content is checked (validateContent); a half-built draft in the form may not be, so a
  // malformed condition simply does not hold rather than throwing.
  if (typeof condition !== 'object' || condition === null) return false;
  if ('all' in condition)
    return Array.isArray(condition.all) && condition.all.every((c) => conditionHolds(c, answers, visible));
  if ('any' in condition)
    return Array.isArray(condition.any) && condition.any.some((c) => conditionHolds(c, answers, visible));
  const raw = visible.has(condition.question) ? answers[condition.question] : undefined;
  switch (condition.op) {
    case 'answered':
      return !isEmpty(raw);
    case 'not_answered':
      return isEmpty(raw);
    case 'equals':
      return !isEmpty(raw) && scalar(raw) === condition.value;
    case 'not_equals':
      return isEmpty(raw) || scalar(raw) !== condition.value;
    case 'one_of':
      return (
        !isEmpty(raw) &&
        Array.isArray(condition.value) &&
        condition.value.includes(scalar(raw) as string | number | boolean)
      );
    case 'includes':
      return (
        typeof raw === 'object' &&
        raw !== null &&
        'choices' in raw &&
        Array.isArray(raw.choices) &&
        raw.choices.includes(condition.value)
      );
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const c = compare(scalar(raw), condition.value);
      if (c === null) return false;
      return condition.op === 'gt' ? c > 0 : condition.op === 'gte' ? c >= 0 : condition.op === 'lt' ? c < 0 : c <= 0;
    }
    default:
      return false;
  }
}

/**
 * The keys of the questions shown for these answers, in order. A question is shown when its
 * condition holds; a condition on a hidden question sees it as unanswered, so chains collapse.
 */
export function visibleQuestionKeys(content: QuestionnaireContent, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const question of allQuestions(content)) {
    if (!question.visibleIf || conditionHolds(question.visibleIf, answers, visible)) visible.add(question.key);
  }
  return visible;
}

/** The answers without those to hidden questions (what the form keeps and the server stores). */
export function dropHiddenAnswers(content: QuestionnaireContent, answers: Answers): Answers {
  const visible = visibleQuestionKeys(content, answers);
  return Object.fromEntries(Object.entries(answers).filter(([key]) => visible.has(key)));
}
