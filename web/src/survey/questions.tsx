import type { AnswerValue, ChoiceAnswer, MultiChoiceAnswer, Question } from '@diemcau/schema';
import type { ComponentChildren } from 'preact';
import type { Store } from './state.ts';
import { formatNumber, type Lang, t } from './strings.ts';

type Props = { q: Question; s: Store };

const labelOf = (lang: Lang, item: { label: string; labelEn?: string }) =>
  lang === 'en' && item.labelEn ? item.labelEn : item.label;

/** Ids of the help and error texts of a question, for `aria-describedby`. */
function described(q: Question, error: string | undefined, extra = ''): string | undefined {
  const ids = [q.help ? `h-${q.key}` : '', error ? `e-${q.key}` : '', extra].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Label({ q, lang }: { q: Question; lang: Lang }) {
  return (
    <>
      {labelOf(lang, q)}
      {q.required && (
        <>
          <span class="req" aria-hidden="true">
            {' *'}
          </span>
          <span class="sr"> {t(lang, 'required')}</span>
        </>
      )}
    </>
  );
}

function Help({ q, lang }: { q: Question; lang: Lang }) {
  const help = lang === 'en' && q.helpEn ? q.helpEn : q.help;
  return help ? (
    <p class="help" id={`h-${q.key}`}>
      {help}
    </p>
  ) : null;
}

function ErrorText({ q, error }: { q: Question; error: string | undefined }) {
  return error ? (
    <p class="err" id={`e-${q.key}`}>
      {error}
    </p>
  ) : null;
}

/** A question as a group of inputs (radios, checkboxes): a fieldset whose legend is the question. */
function Group({ q, s, children, note }: Props & { children: ComponentChildren; note?: string }) {
  const lang = s.lang.value;
  const error = s.errors.value[q.key];
  return (
    <fieldset
      class={`q${error ? ' invalid' : ''}`}
      id={`q-${q.key}`}
      aria-describedby={described(q, error, note ? `n-${q.key}` : '')}
    >
      <legend>
        <Label q={q} lang={lang} />
      </legend>
      <Help q={q} lang={lang} />
      {note && (
        <p class="help" id={`n-${q.key}`}>
          {note}
        </p>
      )}
      {children}
      <ErrorText q={q} error={error} />
    </fieldset>
  );
}

function Radio(props: {
  name: string;
  id: string;
  checked: boolean;
  invalid: boolean;
  onChange: () => void;
  children: ComponentChildren;
}) {
  return (
    <label class="opt" for={props.id}>
      <input
        type="radio"
        id={props.id}
        name={props.name}
        checked={props.checked}
        aria-invalid={props.invalid || undefined}
        onChange={props.onChange}
      />
      <span>{props.children}</span>
    </label>
  );
}

function OtherText({ q, s, value, onInput }: Props & { value: string; onInput: (text: string) => void }) {
  return (
    <div class="other">
      <label for={`o-${q.key}`}>{t(s.lang.value, 'other')}</label>
      <input
        type="text"
        id={`o-${q.key}`}
        value={value}
        maxLength={300}
        aria-invalid={!!s.errors.value[q.key] || undefined}
        aria-describedby={s.errors.value[q.key] ? `e-${q.key}` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}

function SingleChoice({ q, s }: Props) {
  const value = s.answers.value[q.key] as ChoiceAnswer | undefined;
  const invalid = !!s.errors.value[q.key];
  const chosen = q.options?.find((o) => o.key === value?.choice);
  return (
    <Group q={q} s={s}>
      {q.options?.map((o) => (
        <div key={o.key}>
          <Radio
            name={q.key}
            id={`${q.key}-${o.key}`}
            checked={value?.choice === o.key}
            invalid={invalid}
            onChange={() =>
              s.setAnswer(q.key, o.other ? { choice: o.key, other: value?.other ?? '' } : { choice: o.key })
            }
          >
            {labelOf(s.lang.value, o)}
          </Radio>
          {o.other && chosen === o && (
            <OtherText
              q={q}
              s={s}
              value={value?.other ?? ''}
              onInput={(other) => s.setAnswer(q.key, { choice: o.key, other })}
            />
          )}
        </div>
      ))}
    </Group>
  );
}

function MultipleChoice({ q, s }: Props) {
  const lang = s.lang.value;
  const value = (s.answers.value[q.key] as MultiChoiceAnswer | undefined) ?? { choices: [] };
  const invalid = !!s.errors.value[q.key];
  const note = [
    q.minSelections ? t(lang, 'chooseAtLeast', { n: q.minSelections }) : '',
    q.maxSelections ? t(lang, 'chooseUpTo', { n: q.maxSelections }) : '',
  ]
    .filter(Boolean)
    .join('; ');
  const toggle = (key: string, on: boolean) => {
    const choices = on ? [...value.choices, key] : value.choices.filter((c) => c !== key);
    const otherChosen = q.options?.some((o) => o.other && choices.includes(o.key));
    const next: MultiChoiceAnswer = otherChosen ? { choices, other: value.other ?? '' } : { choices };
    s.setAnswer(q.key, choices.length ? next : undefined);
  };
  return (
    <Group q={q} s={s} note={note || undefined}>
      {q.options?.map((o) => (
        <div key={o.key}>
          <label class="opt" for={`${q.key}-${o.key}`}>
            <input
              type="checkbox"
              id={`${q.key}-${o.key}`}
              checked={value.choices.includes(o.key)}
              aria-invalid={invalid || undefined}
              onChange={(e) => toggle(o.key, e.currentTarget.checked)}
            />
            <span>{labelOf(lang, o)}</span>
          </label>
          {o.other && value.choices.includes(o.key) && (
            <OtherText
              q={q}
              s={s}
              value={value.other ?? ''}
              onInput={(other) => s.setAnswer(q.key, { ...value, other })}
            />
          )}
        </div>
      ))}
    </Group>
  );
}

function YesNo({ q, s }: Props) {
  const value = s.answers.value[q.key];
  const invalid = !!s.errors.value[q.key];
  return (
    <Group q={q} s={s}>
      <div class="row">
        {([true, false] as const).map((v) => (
          <Radio
            key={String(v)}
            name={q.key}
            id={`${q.key}-${v ? 'yes' : 'no'}`}
            checked={value === v}
            invalid={invalid}
            onChange={() => s.setAnswer(q.key, v)}
          >
            {t(s.lang.value, v ? 'yes' : 'no')}
          </Radio>
        ))}
      </div>
    </Group>
  );
}

/** Points 1..n as radios, the end labels beside the first and last point. */
function Points({
  q,
  s,
  name,
  value,
  onPick,
}: Props & { name: string; value: number | undefined; onPick: (n: number) => void }) {
  const lang = s.lang.value;
  const scale = q.scale ?? { points: 5 };
  const minLabel = lang === 'en' && scale.minLabelEn ? scale.minLabelEn : scale.minLabel;
  const maxLabel = lang === 'en' && scale.maxLabelEn ? scale.maxLabelEn : scale.maxLabel;
  return (
    <div class="scale">
      {Array.from({ length: scale.points }, (_, i) => i + 1).map((n) => (
        <Radio
          key={n}
          name={name}
          id={`${name}-${n}`}
          checked={value === n}
          invalid={!!s.errors.value[q.key]}
          onChange={() => onPick(n)}
        >
          <b>{n}</b>
          {n === 1 && minLabel && <small> {minLabel}</small>}
          {n === scale.points && maxLabel && <small> {maxLabel}</small>}
        </Radio>
      ))}
    </div>
  );
}

function Scale({ q, s }: Props) {
  return (
    <Group q={q} s={s}>
      <Points
        q={q}
        s={s}
        name={q.key}
        value={s.answers.value[q.key] as number | undefined}
        onPick={(n) => s.setAnswer(q.key, n)}
      />
    </Group>
  );
}

function Matrix({ q, s }: Props) {
  const value = (s.answers.value[q.key] as Record<string, number> | undefined) ?? {};
  return (
    <Group q={q} s={s}>
      {q.rows?.map((row) => (
        <fieldset class="mrow" key={row.key}>
          <legend>{labelOf(s.lang.value, row)}</legend>
          <Points
            q={q}
            s={s}
            name={`${q.key}-${row.key}`}
            value={value[row.key]}
            onPick={(n) => s.setAnswer(q.key, { ...value, [row.key]: n })}
          />
        </fieldset>
      ))}
    </Group>
  );
}

/** One input with its label: texts, numbers, dates. */
function Field({ q, s }: Props) {
  const lang = s.lang.value;
  const error = s.errors.value[q.key];
  const value = s.answers.value[q.key];
  const numeric = q.type === 'integer' || q.type === 'decimal' || q.type === 'percentage';
  const suffix = q.suffix ?? (q.type === 'percentage' ? '%' : '');
  const common = {
    id: `i-${q.key}`,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-required': q.required || undefined,
    'aria-describedby': described(q, error, suffix ? `x-${q.key}` : ''),
  };
  let input: ComponentChildren;
  if (q.type === 'long_text') {
    input = (
      <textarea
        {...common}
        rows={5}
        maxLength={q.maxLength ?? 5000}
        value={(value as string | undefined) ?? ''}
        onInput={(e) => s.setAnswer(q.key, e.currentTarget.value || undefined)}
      />
    );
  } else if (numeric) {
    const shown =
      s.raw.value[q.key] ??
      (typeof value === 'number' ? (lang === 'vi' ? String(value).replace('.', ',') : String(value)) : '');
    input = (
      <input
        {...common}
        type="text"
        inputMode={q.type === 'integer' ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={shown}
        onInput={(e) => {
          const text = e.currentTarget.value.trim().replace(/\s/g, '');
          const normal = text.replace(',', '.');
          const ok = text === '' || /^-?\d+(\.\d+)?$/.test(normal);
          s.setRaw(q.key, ok ? undefined : e.currentTarget.value);
          s.setAnswer(q.key, text === '' || !ok ? undefined : Number(normal));
        }}
      />
    );
  } else if (q.type === 'date') {
    input = (
      <input
        {...common}
        type="date"
        min={q.min as string | undefined}
        max={q.max as string | undefined}
        value={(value as string | undefined) ?? ''}
        onInput={(e) => s.setAnswer(q.key, e.currentTarget.value || undefined)}
      />
    );
  } else {
    input = (
      <input
        {...common}
        type="text"
        maxLength={q.maxLength ?? 300}
        value={(value as string | undefined) ?? ''}
        onInput={(e) => s.setAnswer(q.key, e.currentTarget.value || undefined)}
      />
    );
  }
  return (
    <div class={`q${error ? ' invalid' : ''}`} id={`q-${q.key}`}>
      <label for={`i-${q.key}`}>
        <Label q={q} lang={lang} />
      </label>
      <Help q={q} lang={lang} />
      <div class="inline">
        {input}
        {suffix && <span id={`x-${q.key}`}>{suffix}</span>}
      </div>
      <ErrorText q={q} error={error} />
    </div>
  );
}

export function QuestionView({ q, s }: Props) {
  switch (q.type) {
    case 'single_choice':
      return <SingleChoice q={q} s={s} />;
    case 'multiple_choice':
      return <MultipleChoice q={q} s={s} />;
    case 'yes_no':
      return <YesNo q={q} s={s} />;
    case 'scale':
      return <Scale q={q} s={s} />;
    case 'matrix':
      return <Matrix q={q} s={s} />;
    default:
      return <Field q={q} s={s} />;
  }
}

/** An answer as text, for the review step and the receipt. */
export function answerText(q: Question, value: AnswerValue | null | undefined, lang: Lang): string {
  if (value === undefined || value === null || value === '') return '';
  const option = (key: string) => {
    const o = q.options?.find((x) => x.key === key);
    return o ? labelOf(lang, o) : key;
  };
  switch (q.type) {
    case 'single_choice': {
      const v = value as ChoiceAnswer;
      return v.other ? `${option(v.choice)}: ${v.other}` : option(v.choice);
    }
    case 'multiple_choice': {
      const v = value as MultiChoiceAnswer;
      return v.choices.map(option).join('; ') + (v.other ? `: ${v.other}` : '');
    }
    case 'yes_no':
      return t(lang, value ? 'yes' : 'no');
    case 'date': {
      const [y, m, d] = (value as string).split('-');
      return `${d}/${m}/${y}`;
    }
    case 'integer':
    case 'decimal':
    case 'percentage':
      return `${formatNumber(lang, value as number)}${q.suffix || q.type === 'percentage' ? ` ${q.suffix ?? '%'}` : ''}`;
    case 'scale':
      return `${value}/${q.scale?.points ?? ''}`;
    case 'matrix':
      return (q.rows ?? [])
        .filter((r) => (value as Record<string, number>)[r.key] !== undefined)
        .map((r) => `${labelOf(lang, r)}: ${(value as Record<string, number>)[r.key]}`)
        .join('; ');
    default:
      return String(value);
  }
}
