import {
  type Answers,
  type AnswerValue,
  allQuestions,
  keyPattern,
  type Question,
  type QuestionnaireContent,
  questionTypes,
  textLimits,
} from './model.ts';
import { visibleQuestionKeys } from './visibility.ts';

export const answerProblemCodes = [
  'UNKNOWN_QUESTION',
  'WRONG_TYPE',
  'NOT_AN_OPTION',
  'UNKNOWN_ROW',
  'NOT_AN_INTEGER',
  'INVALID_DATE',
  'TOO_LONG',
  'DUPLICATE_SELECTION',
  'UNEXPECTED_OTHER',
  'REQUIRED',
  'OTHER_TEXT_REQUIRED',
  'OUT_OF_RANGE',
  'TOO_FEW_SELECTIONS',
  'TOO_MANY_SELECTIONS',
  'HIDDEN_QUESTION_ANSWERED',
] as const;
export type AnswerProblemCode = (typeof answerProblemCodes)[number];

export type AnswerProblem = {
  questionKey: string;
  code: AnswerProblemCode;
  /** Bounds or limits the message needs (min, max, maxLength …). */
  params?: Record<string, string | number>;
};

/**
 * `draft`: type checks only (what a half-filled form may hold). `submit`: everything — required
 * answers, ranges, selection counts, and no answers to hidden questions.
 */
export type ValidationMode = 'draft' | 'submit';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function isEmptyAnswer(value: AnswerValue | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'object' && 'choices' in value)
    return Array.isArray(value.choices) && value.choices.length === 0;
  if (typeof value === 'object' && !('choice' in value)) return Object.keys(value).length === 0;
  return false;
}

function numberBounds(q: Question): { min?: number; max?: number } {
  const min = typeof q.min === 'number' ? q.min : q.type === 'percentage' ? 0 : undefined;
  const max = typeof q.max === 'number' ? q.max : q.type === 'percentage' ? 100 : undefined;
  return { min, max };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one answer; pushes its problems. */
function checkAnswer(q: Question, value: unknown, mode: ValidationMode, out: AnswerProblem[]): void {
  const problem = (code: AnswerProblemCode, params?: AnswerProblem['params']) =>
    out.push(params ? { questionKey: q.key, code, params } : { questionKey: q.key, code });
  const submit = mode === 'submit';
  const optionKeys = new Set((q.options ?? []).map((o) => o.key));
  const otherKeys = new Set((q.options ?? []).filter((o) => o.other).map((o) => o.key));

  switch (q.type) {
    case 'single_choice': {
      if (!isPlainObject(value) || typeof value.choice !== 'string') return void problem('WRONG_TYPE');
      if (!optionKeys.has(value.choice)) return void problem('NOT_AN_OPTION');
      checkOther(value.choice ? [value.choice] : [], value.other);
      return;
    }
    case 'multiple_choice': {
      if (
        !isPlainObject(value) ||
        !Array.isArray(value.choices) ||
        !value.choices.every((c) => typeof c === 'string')
      ) {
        return void problem('WRONG_TYPE');
      }
      const choices = value.choices as string[];
      if (choices.some((c) => !optionKeys.has(c))) return void problem('NOT_AN_OPTION');
      if (new Set(choices).size !== choices.length) return void problem('DUPLICATE_SELECTION');
      checkOther(choices, value.other);
      if (submit && q.minSelections !== undefined && choices.length > 0 && choices.length < q.minSelections) {
        problem('TOO_FEW_SELECTIONS', { min: q.minSelections });
      }
      if (submit && q.maxSelections !== undefined && choices.length > q.maxSelections) {
        problem('TOO_MANY_SELECTIONS', { max: q.maxSelections });
      }
      return;
    }
    case 'yes_no':
      if (typeof value !== 'boolean') problem('WRONG_TYPE');
      return;
    case 'short_text':
    case 'long_text': {
      if (typeof value !== 'string') return void problem('WRONG_TYPE');
      const limit = q.maxLength ?? textLimits[q.type];
      if (value.trim().length > limit) problem('TOO_LONG', { maxLength: limit });
      return;
    }
    case 'integer':
    case 'decimal':
    case 'percentage':
    case 'scale': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return void problem('WRONG_TYPE');
      if ((q.type === 'integer' || q.type === 'scale') && !Number.isInteger(value))
        return void problem('NOT_AN_INTEGER');
      const { min, max } = q.type === 'scale' ? { min: 1, max: q.scale?.points ?? 5 } : numberBounds(q);
      // A scale point outside the scale is not an answer at all, even in a draft.
      if (
        (submit || q.type === 'scale') &&
        ((min !== undefined && value < min) || (max !== undefined && value > max))
      ) {
        problem('OUT_OF_RANGE', { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
      }
      return;
    }
    case 'date': {
      if (typeof value !== 'string') return void problem('WRONG_TYPE');
      if (!isValidDate(value)) return void problem('INVALID_DATE');
      const min = typeof q.min === 'string' ? q.min : undefined;
      const max = typeof q.max === 'string' ? q.max : undefined;
      if (submit && ((min && value < min) || (max && value > max))) {
        problem('OUT_OF_RANGE', { ...(min ? { min } : {}), ...(max ? { max } : {}) });
      }
      return;
    }
    case 'matrix': {
      if (!isPlainObject(value)) return void problem('WRONG_TYPE');
      const rows = new Set((q.rows ?? []).map((r) => r.key));
      const points = q.scale?.points ?? 5;
      for (const [row, point] of Object.entries(value)) {
        if (!rows.has(row)) return void problem('UNKNOWN_ROW', { row });
        if (typeof point !== 'number' || !Number.isInteger(point)) return void problem('WRONG_TYPE', { row });
        if (point < 1 || point > points) return void problem('OUT_OF_RANGE', { row, min: 1, max: points });
      }
      if (submit && q.required && Object.keys(value).length < rows.size) problem('REQUIRED');
      return;
    }
  }

  function checkOther(chosen: string[], other: unknown): void {
    if (other === undefined || other === null || other === '') {
      if (submit && chosen.some((c) => otherKeys.has(c))) problem('OTHER_TEXT_REQUIRED');
      return;
    }
    if (typeof other !== 'string') return void problem('WRONG_TYPE');
    if (!chosen.some((c) => otherKeys.has(c))) return void problem('UNEXPECTED_OTHER');
    if (other.trim().length > textLimits.other) problem('TOO_LONG', { maxLength: textLimits.other });
    else if (submit && other.trim() === '') problem('OTHER_TEXT_REQUIRED');
  }
}

/** Every problem of a set of answers, in questionnaire order. The same code runs in the form and on the server. */
export function validateAnswers(
  content: QuestionnaireContent,
  answers: Answers,
  mode: ValidationMode,
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const questions = allQuestions(content);
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) problems.push({ questionKey: key, code: 'UNKNOWN_QUESTION' });
  }
  const visible = mode === 'submit' ? visibleQuestionKeys(content, answers) : null;
  for (const q of questions) {
    const value = answers[q.key];
    const empty = isEmptyAnswer(value);
    if (visible && !visible.has(q.key)) {
      if (!empty) problems.push({ questionKey: q.key, code: 'HIDDEN_QUESTION_ANSWERED' });
      continue;
    }
    if (empty) {
      if (mode === 'submit' && q.required) problems.push({ questionKey: q.key, code: 'REQUIRED' });
      continue;
    }
    checkAnswer(q, value, mode, problems);
  }
  return problems;
}

/* ------------------------------------------------------------------------------------------------ */

export type ContentProblem = {
  path: string;
  code: string;
  message: string;
  /** The question the problem is about, when there is one with a usable key. */
  questionKey?: string;
};

export const conditionOps = [
  'equals',
  'not_equals',
  'one_of',
  'gt',
  'gte',
  'lt',
  'lte',
  'includes',
  'answered',
  'not_answered',
] as const;

const numericTypes = new Set<string>(['integer', 'decimal', 'percentage', 'scale']);
/** all / any may nest, but not without end (a hostile file must not exhaust the stack). */
const maxConditionDepth = 8;

/** Why `value` cannot be compared with answers of question `ref` (null when it can). */
function scalarMismatch(ref: Question, value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    return 'the value must be a text, a number or true/false';
  switch (ref.type) {
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'a yes/no question compares with true or false';
    case 'single_choice': {
      const keys = Array.isArray(ref.options) ? ref.options.map((o) => o?.key) : [];
      return typeof value === 'string' && keys.includes(value) ? null : 'the value must be one of the option keys';
    }
    case 'date':
      return typeof value === 'string' && isValidDate(value) ? null : 'a date question compares with a YYYY-MM-DD date';
    case 'short_text':
    case 'long_text':
      return typeof value === 'string' ? null : 'a text question compares with a text';
    case 'multiple_choice':
      return 'a multiple choice question takes includes (or answered / not answered)';
    case 'matrix':
      return 'a matrix question takes answered / not answered only';
    default:
      return numericTypes.has(ref.type) && typeof value === 'number'
        ? null
        : 'a number question compares with a number';
  }
}

/**
 * Problems of one visibility condition: its shape, its operator, a value that fits both, and
 * references only to earlier questions (`earlier`). Never throws, whatever the input.
 */
function conditionProblems(condition: unknown, earlier: ReadonlyMap<string, Question>, depth = 0): string[] {
  if (!isPlainObject(condition)) return ['a condition must be an object'];
  if ('all' in condition || 'any' in condition) {
    const group = 'all' in condition ? 'all' : 'any';
    const parts = condition[group];
    if ('all' in condition && 'any' in condition) return ['a condition has either all or any, not both'];
    if ('question' in condition) return [`a condition has either ${group} or question, not both`];
    if (!Array.isArray(parts) || parts.length === 0) return [`${group} must be a non-empty list of conditions`];
    if (depth >= maxConditionDepth) return [`conditions nest at most ${maxConditionDepth} deep`];
    return parts.flatMap((part) => conditionProblems(part, earlier, depth + 1));
  }
  const { question, op, value } = condition;
  if (typeof question !== 'string' || question === '') return ['a condition needs the key of an earlier question'];
  const ref = earlier.get(question);
  if (!ref) return [`the condition refers to "${question}", which is not an earlier question`];
  if (typeof op !== 'string' || !(conditionOps as readonly string[]).includes(op)) {
    return [`unknown operator; use one of ${conditionOps.join(', ')}`];
  }
  switch (op as (typeof conditionOps)[number]) {
    case 'answered':
    case 'not_answered':
      return [];
    case 'equals':
    case 'not_equals': {
      const why = scalarMismatch(ref, value);
      return why ? [why] : [];
    }
    case 'one_of': {
      if (!Array.isArray(value) || value.length === 0) return ['one_of takes a non-empty list of values'];
      const why = value.map((v) => scalarMismatch(ref, v)).find((w) => w !== null);
      return why ? [why] : [];
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (numericTypes.has(ref.type))
        return typeof value === 'number' && Number.isFinite(value) ? [] : ['compare with a number'];
      if (ref.type === 'date')
        return typeof value === 'string' && isValidDate(value) ? [] : ['compare with a YYYY-MM-DD date'];
      return ['greater / less than compare number or date questions only'];
    case 'includes': {
      if (ref.type !== 'multiple_choice') return ['includes is for multiple choice questions'];
      const keys = Array.isArray(ref.options) ? ref.options.map((o) => o?.key) : [];
      return typeof value === 'string' && keys.includes(value) ? [] : ['the value must be one of the option keys'];
    }
  }
  return [];
}

/** Checks a list of keyed items (options or matrix rows); tells whether it was a list at all. */
function checkKeyedList(
  list: unknown,
  path: string,
  kind: 'option' | 'row',
  add: (path: string, code: string, message: string) => void,
): unknown[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    add(path, 'INVALID', `${kind === 'option' ? 'options' : 'rows'} must be a list`);
    return [];
  }
  const keys = new Set<string>();
  list.forEach((item: unknown, i: number) => {
    const ip = `${path}[${i}]`;
    if (!isPlainObject(item)) {
      add(ip, 'INVALID', `an ${kind} must be an object with a key and a label`);
      return;
    }
    if (typeof item.key !== 'string' || !keyPattern.test(item.key))
      add(`${ip}.key`, 'INVALID_KEY', `${kind} keys: a-z, 0-9, _`);
    else if (keys.has(item.key)) add(`${ip}.key`, 'DUPLICATE_KEY', `${kind} key "${item.key}" repeats`);
    else keys.add(item.key);
    if (kind === 'option' && (typeof item.label !== 'string' || !item.label.trim())) {
      add(`${ip}.label`, 'REQUIRED', 'an option needs a label');
    }
  });
  return list;
}

/**
 * Structural checks of a questionnaire (for publishing and for imported files): keys, options,
 * scales, bounds, and visibility conditions that refer only to earlier questions (so there is no
 * cycle and the form can evaluate top-down), with operators and values that fit. Any input is
 * accepted: whatever is malformed comes back as a problem, nothing throws.
 */
export function validateContent(content: unknown): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (path: string, code: string, message: string) => problems.push({ path, code, message });
  if (!isPlainObject(content) || !Array.isArray(content.sections)) {
    add('sections', 'INVALID', 'content must be { sections: [...] }');
    return problems;
  }
  const seenSections = new Set<string>();
  const seenQuestions = new Map<string, Question>();
  if (content.sections.length === 0) add('sections', 'EMPTY', 'a questionnaire needs at least one section');
  content.sections.forEach((rawSection: unknown, si: number) => {
    const sp = `sections[${si}]`;
    if (!isPlainObject(rawSection)) {
      add(sp, 'INVALID', 'a section must be an object');
      return;
    }
    const section = rawSection as Record<string, unknown>;
    if (typeof section.key !== 'string' || !keyPattern.test(section.key))
      add(`${sp}.key`, 'INVALID_KEY', 'keys: a-z, 0-9, _');
    else if (seenSections.has(section.key)) add(`${sp}.key`, 'DUPLICATE_KEY', `section key "${section.key}" repeats`);
    else seenSections.add(section.key);
    if (typeof section.title !== 'string' || !section.title.trim())
      add(`${sp}.title`, 'REQUIRED', 'a section needs a title');
    if (section.questions !== undefined && section.questions !== null && !Array.isArray(section.questions)) {
      add(`${sp}.questions`, 'INVALID', 'questions must be a list');
      return;
    }
    if (!Array.isArray(section.questions) || section.questions.length === 0) {
      add(`${sp}.questions`, 'EMPTY', 'a section needs at least one question');
      return;
    }
    section.questions.forEach((rawQuestion: unknown, qi: number) => {
      const qp = `${sp}.questions[${qi}]`;
      if (!isPlainObject(rawQuestion)) {
        add(qp, 'INVALID', 'a question must be an object');
        return;
      }
      const q = rawQuestion as unknown as Question;
      const goodKey = typeof q.key === 'string' && keyPattern.test(q.key);
      // Every problem of this question names it (when its key is usable).
      const first = problems.length;
      if (!goodKey) add(`${qp}.key`, 'INVALID_KEY', 'keys: a-z, 0-9, _ (start with a letter)');
      else if (seenQuestions.has(q.key)) add(`${qp}.key`, 'DUPLICATE_KEY', `question key "${q.key}" repeats`);
      if (!questionTypes.includes(q.type)) add(`${qp}.type`, 'UNKNOWN_TYPE', `unknown type "${String(q.type)}"`);
      if (typeof q.label !== 'string' || !q.label.trim()) add(`${qp}.label`, 'REQUIRED', 'a question needs a label');
      if (q.required !== undefined && typeof q.required !== 'boolean')
        add(`${qp}.required`, 'INVALID', 'required is true or false');
      if (q.type === 'single_choice' || q.type === 'multiple_choice') {
        const options = checkKeyedList(q.options, `${qp}.options`, 'option', add);
        if ((q.options === undefined || q.options === null || Array.isArray(q.options)) && options.length < 2)
          add(`${qp}.options`, 'MISSING_OPTIONS', 'at least two options');
        if (q.type === 'multiple_choice') {
          const n = options.length;
          const min = q.minSelections ?? 0;
          const max = q.maxSelections ?? n;
          if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < 1 || min > max || max > n) {
            add(`${qp}.maxSelections`, 'BAD_BOUNDS', 'need 0 ≤ minSelections ≤ maxSelections ≤ number of options');
          }
        }
      }
      if (q.type === 'scale' || q.type === 'matrix') {
        const points = isPlainObject(q.scale) ? q.scale.points : undefined;
        if (!Number.isInteger(points) || (points as number) < 2 || (points as number) > 11) {
          add(`${qp}.scale.points`, 'BAD_SCALE', 'a scale has 2 to 11 points');
        }
      }
      if (q.type === 'matrix') {
        const rows = checkKeyedList(q.rows, `${qp}.rows`, 'row', add);
        if ((q.rows === undefined || q.rows === null || Array.isArray(q.rows)) && rows.length === 0)
          add(`${qp}.rows`, 'MISSING_ROWS', 'a matrix needs rows');
      }
      if (q.type === 'integer' || q.type === 'decimal' || q.type === 'percentage') {
        if ((q.min !== undefined && typeof q.min !== 'number') || (q.max !== undefined && typeof q.max !== 'number')) {
          add(`${qp}.min`, 'BAD_BOUNDS', 'number bounds must be numbers');
        } else if (typeof q.min === 'number' && typeof q.max === 'number' && q.min > q.max) {
          add(`${qp}.min`, 'BAD_BOUNDS', 'min is above max');
        }
      }
      if (q.type === 'date') {
        for (const bound of ['min', 'max'] as const) {
          const v = q[bound];
          if (v !== undefined && (typeof v !== 'string' || !isValidDate(v)))
            add(`${qp}.${bound}`, 'BAD_BOUNDS', 'date bounds are YYYY-MM-DD');
        }
      }
      if (
        q.maxLength !== undefined &&
        (!Number.isInteger(q.maxLength) || q.maxLength < 1 || q.maxLength > textLimits.long_text)
      ) {
        add(`${qp}.maxLength`, 'BAD_BOUNDS', `maxLength is 1 to ${textLimits.long_text}`);
      }
      if (q.visibleIf !== undefined && q.visibleIf !== null) {
        for (const message of new Set(conditionProblems(q.visibleIf, seenQuestions)))
          add(`${qp}.visibleIf`, 'BAD_CONDITION', message);
      }
      if (goodKey) for (const p of problems.slice(first)) p.questionKey = q.key;
      if (goodKey && !seenQuestions.has(q.key)) seenQuestions.set(q.key, q);
    });
  });
  if (content.indicators !== undefined) {
    if (!Array.isArray(content.indicators)) add('indicators', 'INVALID', 'indicators must be a list');
    else {
      const numeric = new Set(['integer', 'decimal', 'percentage']);
      const seen = new Set<string>();
      content.indicators.forEach((raw: unknown, ii: number) => {
        const ip = `indicators[${ii}]`;
        if (!isPlainObject(raw)) {
          add(ip, 'INVALID', 'an indicator must be an object');
          return;
        }
        if (typeof raw.key !== 'string' || !keyPattern.test(raw.key))
          add(`${ip}.key`, 'INVALID_KEY', 'keys: a-z, 0-9, _');
        else if (seen.has(raw.key)) add(`${ip}.key`, 'DUPLICATE_KEY', `indicator key "${raw.key}" repeats`);
        else seen.add(raw.key);
        if (typeof raw.label !== 'string' || !raw.label.trim())
          add(`${ip}.label`, 'REQUIRED', 'an indicator needs a label');
        for (const part of ['numerator', 'denominator'] as const) {
          const keys = raw[part];
          if (!Array.isArray(keys) || keys.length === 0)
            add(`${ip}.${part}`, 'REQUIRED', `${part}: at least one question key`);
          else {
            for (const key of keys) {
              const q = typeof key === 'string' ? seenQuestions.get(key) : undefined;
              if (!q || !numeric.has(q.type))
                add(`${ip}.${part}`, 'BAD_INDICATOR', `"${String(key)}" is not a number question`);
            }
          }
        }
      });
    }
  }
  return problems;
}
