import { type Condition, type QuestionType, questionTypes } from '@diemcau/schema';
import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { describedBy, Field, SelectField, TextField } from '../components/field.tsx';
import { language } from '../lib/i18n.ts';
import {
  type ConditionRows,
  changeType,
  choiceTypes,
  conditionFrom,
  conditionRows,
  defaultMaxLength,
  type EOption,
  type EQuestion,
  type ERow,
  move,
  newOption,
  newRow,
  numberTypes,
  type SimpleCondition,
  slugKey,
  uniqueKey,
} from './builder-model.ts';
import { type Edge, useSortable } from './sortable.ts';
import { type Key, s } from './strings.ts';

/** Problems of the questionnaire by path (`sections[0].questions[2].label`), in the page language. */
export type ErrorsAt = (path: string) => string | undefined;

/** A number typed as text: kept as typed while it is being written, stored as a number once it is one. */
function parseNumber(text: string): number | string | undefined {
  const t = text.trim().replace(',', '.');
  if (!t) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

function NumberField({
  id,
  label,
  value,
  onValue,
  error,
  hint,
  placeholder,
}: {
  id: string;
  label: string;
  value: number | string | undefined;
  onValue: (v: number | string | undefined) => void;
  error?: string | undefined;
  hint?: string;
  placeholder?: string;
}) {
  const text = useSignal(value === undefined ? '' : String(value));
  useEffect(() => {
    if (parseNumber(text.peek()) !== value) text.value = value === undefined ? '' : String(value);
  }, [value]);
  return (
    <TextField
      id={id}
      label={label}
      value={text.value}
      inputMode="decimal"
      class="input--short"
      hint={hint}
      placeholder={placeholder}
      error={error}
      onValue={(t) => {
        text.value = t;
        onValue(parseNumber(t));
      }}
    />
  );
}

function Checkbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label class="checkbox" for={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

/** A key field: lowercase ASCII; while `auto`, it follows the label as it is typed. */
function KeyField({
  id,
  label,
  value,
  onValue,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onValue: (v: string) => void;
  error?: string | undefined;
}) {
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      class="mono"
      spellcheck={false}
      autocomplete="off"
      hint={s('b.keyHint')}
      error={error}
      onValue={(v) => onValue(v.trim())}
    />
  );
}

type Item = EOption | ERow;

/** The options of a choice question or the rows of a matrix: key, label, English label, order. */
function ItemList<T extends Item>({
  items,
  onChange,
  kind,
  prefix,
  idPrefix,
  errors,
  auto,
  setAuto,
}: {
  items: T[];
  onChange: (items: T[]) => void;
  kind: 'option' | 'row';
  prefix: string;
  idPrefix: string;
  errors: ErrorsAt;
  auto: ReadonlySet<string>;
  setAuto: (id: string, on: boolean) => void;
}) {
  const field = kind === 'option' ? 'options' : 'rows';
  const listError = errors(`${prefix}.${field}`);
  const update = (index: number, patch: Partial<T>) =>
    onChange(items.map((it, i) => (i === index ? ({ ...it, ...patch } as T) : it)));
  return (
    <fieldset class="fieldset item-editor" aria-describedby={listError ? `${idPrefix}-${field}-error` : undefined}>
      <legend>{s(kind === 'option' ? 'b.options' : 'b.rows')}</legend>
      {listError && (
        <p class="field-error" id={`${idPrefix}-${field}-error`}>
          {listError}
        </p>
      )}
      <ol class="item-rows">
        {items.map((it, i) => {
          const p = `${prefix}.${field}[${i}]`;
          const rid = `${idPrefix}-${kind}-${it.$id}`;
          const n = i + 1;
          const name = it.label || it.key;
          return (
            <li key={it.$id} class="item-row" data-testid={`${kind}-${i}`}>
              <TextField
                id={`${rid}-label`}
                label={s(kind === 'option' ? 'b.optionLabel' : 'b.rowLabel', { n })}
                value={it.label}
                error={errors(`${p}.label`)}
                onValue={(label) => {
                  const patch: Partial<T> = { label } as Partial<T>;
                  if (auto.has(it.$id)) {
                    const taken = new Set(items.filter((x) => x !== it).map((x) => x.key));
                    const base = slugKey(label, 30);
                    if (base) patch.key = uniqueKey(base, taken);
                  }
                  update(i, patch);
                }}
              />
              <KeyField
                id={`${rid}-key`}
                label={s('b.key')}
                value={it.key}
                error={errors(`${p}.key`)}
                onValue={(key) => {
                  setAuto(it.$id, false);
                  update(i, { key } as Partial<T>);
                }}
              />
              <TextField
                id={`${rid}-labelEn`}
                label={s('b.labelEn')}
                value={it.labelEn ?? ''}
                lang="en"
                onValue={(labelEn) => update(i, { labelEn: labelEn || undefined } as Partial<T>)}
              />
              {kind === 'option' && (
                <Checkbox
                  id={`${rid}-other`}
                  label={s('b.optionOther')}
                  checked={!!(it as EOption).other}
                  onChange={(other) => update(i, { other: other || undefined } as unknown as Partial<T>)}
                />
              )}
              <div class="actions item-actions">
                <button
                  type="button"
                  class="button button--quiet"
                  disabled={i === 0}
                  onClick={() => onChange(move(items, i, i - 1))}
                  aria-label={s('b.moveUpNamed', { name })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="button button--quiet"
                  disabled={i === items.length - 1}
                  onClick={() => onChange(move(items, i, i + 1))}
                  aria-label={s('b.moveDownNamed', { name })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="button button--quiet"
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                  aria-label={s('b.removeNamed', { name })}
                >
                  {s('b.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        class="button"
        data-testid={`add-${kind}`}
        onClick={() => {
          const added = (kind === 'option' ? newOption(items) : newRow(items)) as T;
          setAuto(added.$id, true);
          onChange([...items, added]);
          setTimeout(() => document.getElementById(`${idPrefix}-${kind}-${added.$id}-label`)?.focus(), 0);
        }}
      >
        {s(kind === 'option' ? 'b.addOption' : 'b.addRow')}
      </button>
    </fieldset>
  );
}

type Op = SimpleCondition['op'];

/** The operators that make sense for the question a condition looks at. */
function opsFor(type: QuestionType | undefined): Op[] {
  switch (type) {
    case 'yes_no':
      return ['equals', 'answered', 'not_answered'];
    case 'single_choice':
      return ['equals', 'not_equals', 'one_of', 'answered', 'not_answered'];
    case 'multiple_choice':
      return ['includes', 'answered', 'not_answered'];
    case 'integer':
    case 'decimal':
    case 'percentage':
    case 'scale':
      return ['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte', 'answered', 'not_answered'];
    case 'date':
      return ['equals', 'gt', 'gte', 'lt', 'lte', 'answered', 'not_answered'];
    default:
      return ['answered', 'not_answered'];
  }
}

/** A condition row with a sensible value for its question and operator. */
function conditionFor(question: EQuestion | undefined, op: Op, previous?: SimpleCondition): SimpleCondition {
  const key = question?.key ?? '';
  if (op === 'answered' || op === 'not_answered') return { question: key, op };
  const firstOption = question?.options?.[0]?.key ?? '';
  const old = previous && 'value' in previous ? previous.value : undefined;
  if (op === 'one_of') return { question: key, op, value: Array.isArray(old) ? old : firstOption ? [firstOption] : [] };
  if (op === 'includes') return { question: key, op, value: typeof old === 'string' ? old : firstOption };
  if (question?.type === 'yes_no')
    return { question: key, op: op as 'equals', value: typeof old === 'boolean' ? old : true };
  if (question?.type === 'single_choice')
    return { question: key, op: op as 'equals', value: typeof old === 'string' ? old : firstOption };
  if (question?.type === 'date') return { question: key, op: op as 'gt', value: typeof old === 'string' ? old : '' };
  return { question: key, op: op as 'gt', value: typeof old === 'number' ? old : 0 };
}

function ConditionValue({
  id,
  row,
  question,
  onChange,
}: {
  id: string;
  row: SimpleCondition;
  question: EQuestion | undefined;
  onChange: (row: SimpleCondition) => void;
}) {
  if (row.op === 'answered' || row.op === 'not_answered' || !question) return null;
  const label = s('b.condValue');
  const value = 'value' in row ? row.value : undefined;
  const en = language.value === 'en';
  const optionLabel = (o: EOption) => `${(en && o.labelEn) || o.label || o.key}`;
  if (row.op === 'one_of') {
    const chosen = new Set(row.value as string[]);
    return (
      <fieldset class="fieldset cond-values">
        <legend>{label}</legend>
        {(question.options ?? []).map((o) => (
          <Checkbox
            key={o.$id}
            id={`${id}-v-${o.$id}`}
            label={optionLabel(o)}
            checked={chosen.has(o.key)}
            onChange={(on) => {
              const next = (question.options ?? []).map((x) => x.key).filter((k) => (k === o.key ? on : chosen.has(k)));
              onChange({ ...row, value: next });
            }}
          />
        ))}
      </fieldset>
    );
  }
  if (question.type === 'yes_no') {
    return (
      <SelectField
        id={`${id}-v`}
        label={label}
        value={String(value)}
        onValue={(v) => onChange({ ...row, value: v === 'true' } as SimpleCondition)}
        options={[
          { value: 'true', label: s('b.yes') },
          { value: 'false', label: s('b.no') },
        ]}
      />
    );
  }
  if (question.type === 'single_choice' || question.type === 'multiple_choice') {
    return (
      <SelectField
        id={`${id}-v`}
        label={label}
        value={String(value)}
        onValue={(v) => onChange({ ...row, value: v } as SimpleCondition)}
        options={(question.options ?? []).map((o) => ({ value: o.key, label: optionLabel(o) }))}
      />
    );
  }
  if (question.type === 'date') {
    return (
      <Field id={`${id}-v`} label={label}>
        <input
          id={`${id}-v`}
          type="date"
          value={String(value ?? '')}
          onInput={(e) => onChange({ ...row, value: e.currentTarget.value } as SimpleCondition)}
        />
      </Field>
    );
  }
  return (
    <NumberField
      id={`${id}-v`}
      label={label}
      value={value as number}
      onValue={(v) => onChange({ ...row, value: typeof v === 'number' ? v : 0 } as SimpleCondition)}
    />
  );
}

/** "Show this question only when …": rows of (earlier question, operator, value), all or any of them. */
function ConditionEditor({
  id,
  condition,
  earlier,
  error,
  onChange,
}: {
  id: string;
  condition: Condition | undefined;
  earlier: EQuestion[];
  error?: string | undefined;
  onChange: (c: Condition | undefined) => void;
}) {
  const rows = conditionRows(condition);
  if (rows === 'complex') {
    return (
      <div class="field">
        <p class="label">{s('b.condition')}</p>
        <pre class="code">{JSON.stringify(condition, null, 2)}</pre>
        <p class="field-hint">{s('b.condComplex')}</p>
        <button type="button" class="button button--quiet" onClick={() => onChange(undefined)}>
          {s('b.condRemove')}
        </button>
      </div>
    );
  }
  const set = (next: ConditionRows) => onChange(conditionFrom(next));
  const en = language.value === 'en';
  const byKey = new Map(earlier.map((q) => [q.key, q]));
  return (
    <fieldset class="fieldset condition" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{s('b.condition')}</legend>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {!rows ? (
        earlier.length === 0 ? (
          <p class="field-hint">{s('b.condNoEarlier')}</p>
        ) : (
          <button
            type="button"
            class="button"
            data-testid="add-condition"
            onClick={() => set({ mode: 'all', rows: [conditionFor(earlier.at(-1), opsFor(earlier.at(-1)?.type)[0]!)] })}
          >
            {s('b.condAdd')}
          </button>
        )
      ) : (
        <>
          {rows.rows.length > 1 && (
            <SelectField
              id={`${id}-mode`}
              label={s('b.condMode')}
              value={rows.mode}
              onValue={(mode) => set({ ...rows, mode: mode as 'all' | 'any' })}
              options={[
                { value: 'all', label: s('b.condAll') },
                { value: 'any', label: s('b.condAny') },
              ]}
            />
          )}
          <ol class="cond-rows">
            {rows.rows.map((row, i) => {
              const q = byKey.get(row.question);
              const rid = `${id}-${i}`;
              const replace = (next: SimpleCondition) =>
                set({ ...rows, rows: rows.rows.map((r, j) => (j === i ? next : r)) });
              return (
                <li key={i} class="cond-row" data-testid={`condition-${i}`}>
                  <SelectField
                    id={`${rid}-q`}
                    label={s('b.condQuestion')}
                    value={row.question}
                    onValue={(key) => {
                      const target = byKey.get(key);
                      replace(conditionFor(target, opsFor(target?.type)[0]!));
                    }}
                    options={[
                      ...(q ? [] : [{ value: row.question, label: s('b.condMissing', { key: row.question }) }]),
                      ...earlier.map((x) => ({
                        value: x.key,
                        label: `${x.key} — ${(en && x.labelEn) || x.label || '…'}`,
                      })),
                    ]}
                  />
                  <SelectField
                    id={`${rid}-op`}
                    label={s('b.condOp')}
                    value={row.op}
                    onValue={(op) => replace(conditionFor(q, op as Op, row))}
                    options={[...new Set([...opsFor(q?.type), row.op])].map((op) => ({
                      value: op,
                      label: s(`op.${op}`),
                    }))}
                  />
                  <ConditionValue id={rid} row={row} question={q} onChange={replace} />
                  <button
                    type="button"
                    class="button button--quiet"
                    onClick={() => set({ ...rows, rows: rows.rows.filter((_, j) => j !== i) })}
                  >
                    {s('b.condRemoveRow', { n: i + 1 })}
                  </button>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            class="button button--quiet"
            onClick={() =>
              set({ ...rows, rows: [...rows.rows, conditionFor(earlier.at(-1), opsFor(earlier.at(-1)?.type)[0]!)] })
            }
          >
            {s('b.condAddRow')}
          </button>
        </>
      )}
    </fieldset>
  );
}

function TypeFields({
  q,
  set,
  prefix,
  errors,
  auto,
  setAuto,
}: {
  q: EQuestion;
  set: (patch: Partial<EQuestion>) => void;
  prefix: string;
  errors: ErrorsAt;
  auto: ReadonlySet<string>;
  setAuto: (id: string, on: boolean) => void;
}) {
  const id = (f: string) => `${q.$id}-${f}`;
  const e = (f: string) => errors(`${prefix}.${f}`);
  const scale = q.scale ?? { points: 5 };
  const setScale = (patch: Partial<NonNullable<EQuestion['scale']>>) => {
    const next = { ...scale, ...patch } as Record<string, unknown>;
    for (const [k, v] of Object.entries(next)) if (v === '' || v === undefined) delete next[k];
    set({ scale: next as EQuestion['scale'] });
  };
  const scaleFields = (
    <div class="field-grid">
      <NumberField
        id={id('points')}
        label={s('b.points')}
        hint={s('b.pointsHint')}
        value={scale.points}
        error={e('scale.points')}
        onValue={(v) => setScale({ points: v as number })}
      />
      <TextField
        id={id('minLabel')}
        label={s('b.minLabel')}
        value={scale.minLabel ?? ''}
        onValue={(v) => setScale({ minLabel: v })}
      />
      <TextField
        id={id('maxLabel')}
        label={s('b.maxLabel')}
        value={scale.maxLabel ?? ''}
        onValue={(v) => setScale({ maxLabel: v })}
      />
      <TextField
        id={id('minLabelEn')}
        label={s('b.minLabelEn')}
        lang="en"
        value={scale.minLabelEn ?? ''}
        onValue={(v) => setScale({ minLabelEn: v })}
      />
      <TextField
        id={id('maxLabelEn')}
        label={s('b.maxLabelEn')}
        lang="en"
        value={scale.maxLabelEn ?? ''}
        onValue={(v) => setScale({ maxLabelEn: v })}
      />
    </div>
  );
  if (choiceTypes.includes(q.type)) {
    return (
      <>
        <ItemList
          items={q.options ?? []}
          onChange={(options) => set({ options })}
          kind="option"
          prefix={prefix}
          idPrefix={q.$id}
          errors={errors}
          auto={auto}
          setAuto={setAuto}
        />
        {q.type === 'multiple_choice' && (
          <div class="field-grid">
            <NumberField
              id={id('minSel')}
              label={s('b.minSelections')}
              value={q.minSelections}
              placeholder="0"
              onValue={(v) => set({ minSelections: v as number | undefined })}
            />
            <NumberField
              id={id('maxSel')}
              label={s('b.maxSelections')}
              value={q.maxSelections}
              placeholder={String(q.options?.length ?? '')}
              error={e('maxSelections')}
              onValue={(v) => set({ maxSelections: v as number | undefined })}
            />
          </div>
        )}
      </>
    );
  }
  if (numberTypes.includes(q.type)) {
    return (
      <div class="field-grid">
        <NumberField
          id={id('min')}
          label={s('b.min')}
          value={q.min}
          placeholder={q.type === 'percentage' ? '0' : ''}
          error={e('min')}
          onValue={(v) => set({ min: v })}
        />
        <NumberField
          id={id('max')}
          label={s('b.max')}
          value={q.max}
          placeholder={q.type === 'percentage' ? '100' : ''}
          error={e('max')}
          onValue={(v) => set({ max: v })}
        />
        <TextField
          id={id('suffix')}
          label={s('b.suffix')}
          hint={s('b.suffixHint')}
          value={q.suffix ?? ''}
          class="input--short"
          onValue={(v) => set({ suffix: v || undefined })}
        />
      </div>
    );
  }
  if (q.type === 'date') {
    return (
      <div class="field-grid">
        {(['min', 'max'] as const).map((bound) => (
          <Field key={bound} id={id(bound)} label={s(bound === 'min' ? 'b.minDate' : 'b.maxDate')} error={e(bound)}>
            <input
              id={id(bound)}
              type="date"
              value={typeof q[bound] === 'string' ? (q[bound] as string) : ''}
              onInput={(ev) => set({ [bound]: ev.currentTarget.value || undefined })}
              {...describedBy({ id: id(bound), error: e(bound) })}
            />
          </Field>
        ))}
      </div>
    );
  }
  if (q.type === 'short_text' || q.type === 'long_text') {
    return (
      <NumberField
        id={id('maxLength')}
        label={s('b.maxLength')}
        value={q.maxLength}
        placeholder={String(defaultMaxLength(q.type))}
        error={e('maxLength')}
        onValue={(v) => set({ maxLength: v as number | undefined })}
      />
    );
  }
  if (q.type === 'scale') return scaleFields;
  if (q.type === 'matrix') {
    return (
      <>
        <ItemList
          items={q.rows ?? []}
          onChange={(rows) => set({ rows })}
          kind="row"
          prefix={prefix}
          idPrefix={q.$id}
          errors={errors}
          auto={auto}
          setAuto={setAuto}
        />
        {scaleFields}
      </>
    );
  }
  return null;
}

export type QuestionCardProps = {
  q: EQuestion;
  number: number;
  sectionIndex: number;
  indexInSection: number;
  sectionCount: number;
  sectionLength: number;
  sectionNames: string[];
  prefix: string;
  errors: ErrorsAt;
  problemCount: number;
  earlier: EQuestion[];
  takenKeys: ReadonlySet<string>;
  publishedType: QuestionType | undefined;
  open: boolean;
  readOnly: boolean;
  auto: ReadonlySet<string>;
  setAuto: (id: string, on: boolean) => void;
  onToggle: () => void;
  onChange: (q: EQuestion) => void;
  onMove: (section: number, index: number) => void;
  onDropOn: (sourceId: string, edge: Edge) => void;
  onDuplicate: () => void;
  onRemove: () => void;
};

/** One question: a header that opens it (and the drag handle), then every field of its type. */
export function QuestionCard(props: QuestionCardProps) {
  const { q, prefix, errors } = props;
  const card = useRef<HTMLLIElement>(null);
  const handle = useRef<HTMLButtonElement>(null);
  const en = language.value === 'en';
  const label = (en && q.labelEn) || q.label;
  const { over, dragging } = useSortable(
    card,
    handle,
    { kind: 'question', id: q.$id, list: 'questions' },
    (source) => source.kind === 'question' && !props.readOnly,
    (source, edge) => props.onDropOn(source.id, edge),
  );
  const set = (patch: Partial<EQuestion>) => {
    const next = { ...q, ...patch } as EQuestion;
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (next as Record<string, unknown>)[k];
    props.onChange(next);
  };
  const id = (f: string) => `${q.$id}-${f}`;
  const e = (f: string) => errors(`${prefix}.${f}`);
  const name = label || q.key;
  const typeError =
    e('type') ??
    (props.publishedType && props.publishedType !== q.type
      ? s('b.typeChangedPublished', { type: s(`qtype.${props.publishedType}`) })
      : undefined);
  const moveBy = (delta: number) => {
    const to = props.indexInSection + delta;
    if (to >= 0 && to < props.sectionLength) props.onMove(props.sectionIndex, to);
    else if (to < 0 && props.sectionIndex > 0) props.onMove(props.sectionIndex - 1, Number.MAX_SAFE_INTEGER);
    else if (to >= props.sectionLength && props.sectionIndex < props.sectionCount - 1)
      props.onMove(props.sectionIndex + 1, 0);
  };
  const first = props.sectionIndex === 0 && props.indexInSection === 0;
  const last = props.sectionIndex === props.sectionCount - 1 && props.indexInSection === props.sectionLength - 1;
  return (
    <li
      ref={card}
      class="q-card"
      data-over={over ?? undefined}
      data-dragging={dragging ? 'true' : undefined}
      data-testid={`question-${q.key}`}
      data-qid={q.$id}
    >
      <div class="q-head">
        <button
          type="button"
          ref={handle}
          class="drag-handle"
          data-handle={q.$id}
          disabled={props.readOnly}
          aria-label={s('b.handle', { n: props.number, name })}
          aria-describedby="builder-handle-help"
          onKeyDown={(ev) => {
            if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') {
              ev.preventDefault();
              moveBy(ev.key === 'ArrowUp' ? -1 : 1);
            }
          }}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <button
          type="button"
          class="q-toggle"
          aria-expanded={props.open}
          aria-controls={id('body')}
          onClick={props.onToggle}
          data-testid={`toggle-${q.key}`}
        >
          <span class="q-number">{s('b.questionN', { n: props.number })}</span>
          <span class="q-title">{label || <span class="muted">{s('b.noLabel')}</span>}</span>
          <span class="q-meta muted">
            <span class="mono">{q.key}</span> · {s(`qtype.${q.type}`)}
            {q.required ? ` · ${s('requiredShort')}` : ''}
            {q.visibleIf ? ` · ${s('b.conditional')}` : ''}
          </span>
          {props.problemCount > 0 && (
            <span class="badge badge--error">{s('b.problemCount', { n: props.problemCount })}</span>
          )}
        </button>
      </div>
      {props.open && (
        <fieldset class="q-body" id={id('body')} disabled={props.readOnly}>
          <legend class="sr-only">{s('b.questionN', { n: props.number })}</legend>
          <div class="field-grid">
            <TextField
              id={id('label')}
              label={s('b.label')}
              value={q.label}
              error={e('label')}
              onValue={(v) => {
                const patch: Partial<EQuestion> = { label: v };
                if (props.auto.has(q.$id)) {
                  const base = slugKey(v);
                  if (base) patch.key = uniqueKey(base, new Set([...props.takenKeys].filter((k) => k !== q.key)));
                }
                set(patch);
              }}
            />
            <KeyField
              id={id('key')}
              label={s('b.key')}
              value={q.key}
              error={e('key')}
              onValue={(v) => {
                props.setAuto(q.$id, false);
                set({ key: v });
              }}
            />
            <SelectField
              id={id('type')}
              label={s('b.type')}
              value={q.type}
              error={typeError}
              onValue={(type) => props.onChange(changeType(q, type as QuestionType))}
              options={questionTypes.map((type) => ({ value: type, label: s(`qtype.${type}`) }))}
            />
            <TextField
              id={id('labelEn')}
              label={s('b.labelEn')}
              lang="en"
              value={q.labelEn ?? ''}
              onValue={(v) => set({ labelEn: v || undefined })}
            />
            <TextField
              id={id('help')}
              label={s('b.help')}
              value={q.help ?? ''}
              onValue={(v) => set({ help: v || undefined })}
            />
            <TextField
              id={id('helpEn')}
              label={s('b.helpEn')}
              lang="en"
              value={q.helpEn ?? ''}
              onValue={(v) => set({ helpEn: v || undefined })}
            />
          </div>
          <Checkbox
            id={id('required')}
            label={s('b.required')}
            checked={!!q.required}
            onChange={(required) => set({ required: required || undefined })}
          />
          <TypeFields q={q} set={set} prefix={prefix} errors={errors} auto={props.auto} setAuto={props.setAuto} />
          <ConditionEditor
            id={id('cond')}
            condition={q.visibleIf}
            earlier={props.earlier}
            error={e('visibleIf')}
            onChange={(visibleIf) => set({ visibleIf })}
          />
          <div class="actions q-actions">
            <button type="button" class="button button--quiet" disabled={first} onClick={() => moveBy(-1)}>
              {s('b.moveUp')}
              <span class="sr-only">: {name}</span>
            </button>
            <button type="button" class="button button--quiet" disabled={last} onClick={() => moveBy(1)}>
              {s('b.moveDown')}
              <span class="sr-only">: {name}</span>
            </button>
            {props.sectionCount > 1 && (
              <label class="inline-select">
                <span>{s('b.moveToSection')}</span>
                <select
                  value={String(props.sectionIndex)}
                  onChange={(ev) => props.onMove(Number(ev.currentTarget.value), Number.MAX_SAFE_INTEGER)}
                >
                  {props.sectionNames.map((n, i) => (
                    <option key={i} value={String(i)}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="button" class="button button--quiet" onClick={props.onDuplicate}>
              {s('b.duplicate')}
            </button>
            <button
              type="button"
              class="button button--quiet button--danger-text"
              onClick={props.onRemove}
              data-testid="remove-question"
            >
              {s('b.removeQuestion')}
              <span class="sr-only">: {name}</span>
            </button>
          </div>
        </fieldset>
      )}
    </li>
  );
}

export const typeKey = (type: QuestionType) => `qtype.${type}` as Key;
