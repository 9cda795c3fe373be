/**
 * The questionnaire as the builder edits it: the shared model of `@diemcau/schema` with a stable `$id`
 * on every section, question, option, row and indicator, so lists keep their identity while keys are
 * typed and items move. `toContent()` strips the ids again: what is saved, exported and previewed is
 * plain `QuestionnaireContent`.
 */
import {
  type ChoiceOption,
  type Condition,
  type Indicator,
  type MatrixRow,
  type Question,
  type QuestionnaireContent,
  type QuestionType,
  type Section,
  textLimits,
} from '@diemcau/schema';

type Ided = { $id: string };
export type EOption = ChoiceOption & Ided;
export type ERow = MatrixRow & Ided;
export type EQuestion = Omit<Question, 'options' | 'rows'> & Ided & { options?: EOption[]; rows?: ERow[] };
export type ESection = Omit<Section, 'questions'> & Ided & { questions: EQuestion[] };
export type EIndicator = Indicator & Ided;
export type EContent = { sections: ESection[]; indicators: EIndicator[] };

let counter = 0;
export function newId(): string {
  counter += 1;
  return `b${counter}`;
}

const ided = <T extends object>(item: T): T & Ided => ({ ...item, $id: newId() });

function strip<T extends Ided>(item: T): Omit<T, '$id'> {
  const { $id: _, ...rest } = item;
  return rest;
}

/** A working copy as the server keeps it (possibly incomplete) → the editor's model. */
export function fromContent(content: unknown): EContent {
  const raw = (content && typeof content === 'object' ? content : {}) as Partial<QuestionnaireContent>;
  const sections = Array.isArray(raw.sections) ? raw.sections : [];
  return {
    sections: sections.map(
      (section): ESection =>
        ided({
          ...section,
          questions: (Array.isArray(section?.questions) ? section.questions : []).map(
            (q): EQuestion => ({
              ...q,
              $id: newId(),
              options: Array.isArray(q.options) ? q.options.map(ided) : undefined,
              rows: Array.isArray(q.rows) ? q.rows.map(ided) : undefined,
            }),
          ),
        }),
    ),
    indicators: (Array.isArray(raw.indicators) ? raw.indicators : []).map(ided),
  };
}

/** The editor's model → `QuestionnaireContent` (empty fields left out, indicators only when there are some). */
export function toContent(model: EContent): QuestionnaireContent {
  const content: QuestionnaireContent = {
    sections: model.sections.map((section) => ({
      ...strip(section),
      questions: section.questions.map((q) => {
        const plain = strip(q) as Question;
        if (q.options) plain.options = q.options.map(strip);
        if (q.rows) plain.rows = q.rows.map(strip);
        return plain;
      }),
    })),
  };
  if (model.indicators.length > 0) content.indicators = model.indicators.map(strip);
  return content;
}

/** Lowercase ASCII key from a Vietnamese label: "Số đảng viên đã học" → "so_dang_vien_da_hoc". */
export function slugKey(label: string, max = 40): string {
  const ascii = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const trimmed = ascii.slice(0, max).replace(/_+$/, '');
  if (!trimmed) return '';
  return /^[a-z]/.test(trimmed) ? trimmed : `q_${trimmed}`.slice(0, max);
}

/** `base`, or `base_2`, `base_3` … whichever is not taken. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function questionKeys(model: EContent): Set<string> {
  return new Set(model.sections.flatMap((s) => s.questions.map((q) => q.key)));
}

export const choiceTypes: readonly QuestionType[] = ['single_choice', 'multiple_choice'];
export const numberTypes: readonly QuestionType[] = ['integer', 'decimal', 'percentage'];

/** The fields a question of `type` carries besides the common ones, with sensible starting values. */
function extrasFor(type: QuestionType, previous?: EQuestion): Partial<EQuestion> {
  switch (type) {
    case 'single_choice':
    case 'multiple_choice':
      return {
        options: previous?.options?.length
          ? previous.options
          : [ided({ key: 'lua_chon_1', label: '' }), ided({ key: 'lua_chon_2', label: '' })],
        ...(type === 'multiple_choice' && previous?.type === 'multiple_choice'
          ? { minSelections: previous.minSelections, maxSelections: previous.maxSelections }
          : {}),
      };
    case 'scale':
      return { scale: previous?.scale ?? { points: 5, minLabel: '', maxLabel: '' } };
    case 'matrix':
      return {
        scale: previous?.scale ?? { points: 5, minLabel: '', maxLabel: '' },
        rows: previous?.rows?.length ? previous.rows : [ided({ key: 'hang_1', label: '' })],
      };
    case 'percentage':
    case 'integer':
    case 'decimal':
      return numberTypes.includes(previous?.type as QuestionType)
        ? { min: previous?.min, max: previous?.max, suffix: previous?.suffix }
        : type === 'integer'
          ? { min: 0 }
          : {};
    case 'short_text':
    case 'long_text':
      return {};
    default:
      return {};
  }
}

const commonFields = ['key', 'type', 'label', 'labelEn', 'help', 'helpEn', 'required', 'visibleIf', '$id'] as const;

/** The question as another type: common fields kept, the new type's fields added, the old type's dropped. */
export function changeType(q: EQuestion, type: QuestionType): EQuestion {
  const kept: Partial<EQuestion> = {};
  for (const field of commonFields) {
    if (q[field] !== undefined) (kept as Record<string, unknown>)[field] = q[field];
  }
  const next = { ...kept, ...extrasFor(type, q), type } as EQuestion;
  for (const [k, v] of Object.entries(next)) if (v === undefined) delete (next as Record<string, unknown>)[k];
  return next;
}

export function newQuestion(type: QuestionType, taken: ReadonlySet<string>): EQuestion {
  const key = uniqueKey(`cau_${taken.size + 1}`, taken);
  return changeType({ $id: newId(), key, type, label: '', required: true }, type);
}

export function newSection(model: EContent): ESection {
  const taken = new Set(model.sections.map((s) => s.key));
  return { $id: newId(), key: uniqueKey(`muc_${model.sections.length + 1}`, taken), title: '', questions: [] };
}

export function newOption(existing: readonly EOption[]): EOption {
  const taken = new Set(existing.map((o) => o.key));
  return { $id: newId(), key: uniqueKey(`lua_chon_${existing.length + 1}`, taken), label: '' };
}

export function newRow(existing: readonly ERow[]): ERow {
  const taken = new Set(existing.map((o) => o.key));
  return { $id: newId(), key: uniqueKey(`hang_${existing.length + 1}`, taken), label: '' };
}

export function newIndicator(model: EContent): EIndicator {
  const taken = new Set(model.indicators.map((i) => i.key));
  return {
    $id: newId(),
    key: uniqueKey(`chi_so_${model.indicators.length + 1}`, taken),
    label: '',
    numerator: [],
    denominator: [],
    percent: true,
  };
}

/** A copy of a question under a new key, right after it. */
export function duplicateQuestion(q: EQuestion, taken: ReadonlySet<string>): EQuestion {
  return {
    ...q,
    $id: newId(),
    key: uniqueKey(`${q.key}_ban_sao`.slice(0, 60), taken),
    ...(q.options ? { options: q.options.map((o) => ({ ...o, $id: newId() })) } : {}),
    ...(q.rows ? { rows: q.rows.map((r) => ({ ...r, $id: newId() })) } : {}),
  };
}

/** `list` with the item at `from` moved to index `to` (clamped). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item === undefined) return next;
  next.splice(Math.max(0, Math.min(next.length, to)), 0, item);
  return next;
}

export type Place = { section: number; question: number };

/** Where the question with `$id` is. */
export function findQuestion(model: EContent, id: string): Place | null {
  for (const [si, s] of model.sections.entries()) {
    const qi = s.questions.findIndex((q) => q.$id === id);
    if (qi >= 0) return { section: si, question: qi };
  }
  return null;
}

/** Moves a question to a place, possibly in another section (`to.question` counts without the moved one). */
export function moveQuestion(model: EContent, id: string, to: Place): EContent {
  const from = findQuestion(model, id);
  if (!from) return model;
  const q = model.sections[from.section]!.questions[from.question]!;
  const sections = model.sections.map((s) => ({ ...s, questions: s.questions.filter((x) => x.$id !== id) }));
  const target = sections[to.section];
  if (!target) return model;
  target.questions.splice(Math.max(0, Math.min(target.questions.length, to.question)), 0, q);
  return { ...model, sections };
}

/** Only units of number questions make sense in indicators. */
export function numberQuestions(model: EContent): EQuestion[] {
  return model.sections.flatMap((s) => s.questions).filter((q) => numberTypes.includes(q.type));
}

/** Simple conditions (one question, one operator) the builder edits row by row; anything deeper stays as JSON. */
export type SimpleCondition = Extract<Condition, { question: string }>;

export type ConditionRows = { mode: 'all' | 'any'; rows: SimpleCondition[] } | null;

export function conditionRows(condition: Condition | undefined): ConditionRows | 'complex' {
  if (!condition) return null;
  if ('question' in condition) return { mode: 'all', rows: [condition] };
  const list = 'all' in condition ? condition.all : condition.any;
  if (!list.every((c) => 'question' in c)) return 'complex';
  return { mode: 'all' in condition ? 'all' : 'any', rows: list as SimpleCondition[] };
}

export function conditionFrom(rows: ConditionRows): Condition | undefined {
  if (!rows || rows.rows.length === 0) return undefined;
  if (rows.rows.length === 1) return rows.rows[0];
  return rows.mode === 'all' ? { all: rows.rows } : { any: rows.rows };
}

export const defaultMaxLength = (type: QuestionType) =>
  type === 'long_text' ? textLimits.long_text : type === 'short_text' ? textLimits.short_text : undefined;
