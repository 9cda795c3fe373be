import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { describedBy, Field, focusFirstError, SelectField, TextField } from '../components/field.tsx';
import type { ReviewKind, SurveyDocumentInput } from '../gql/graphql.ts';
import { errorField } from '../lib/errors.ts';
import { type PickedUnit, UnitPicker } from '../units/unit-picker.tsx';
import { type Key, s } from './strings.ts';
import { errorMessages, fromVietnamInput, toVietnamInput } from './survey-common.tsx';

/** The survey's settings as the form holds them (times as Vietnam-time input values). */
export type SurveyFields = {
  title: string;
  description: string;
  instructions: string;
  documentCode: string;
  documentTitle: string;
  documentKind: string;
  documentSignedOn: string;
  reviewKind: ReviewKind;
  opensAt: string;
  closesAt: string;
  allowAmend: boolean;
};

export type SurveyValues = {
  title: string;
  description: string;
  instructions: string;
  document: SurveyDocumentInput | null;
  reviewKind: ReviewKind;
  opensAt: string | null;
  closesAt: string | null;
  allowAmend: boolean;
};

export const documentKinds = ['RESOLUTION', 'DIRECTIVE', 'CONCLUSION', 'REGULATION', 'PLAN'] as const;
const reviewKinds: ReviewKind[] = ['PRELIMINARY', 'FINAL', 'ANNUAL'];

export function fieldsOf(survey?: {
  title: string;
  description: string;
  instructions: string;
  document?: { code: string; title?: string | null; kind?: string | null; signedOn?: string | null } | null;
  reviewKind: ReviewKind;
  opensAt?: string | null;
  closesAt?: string | null;
  allowAmend: boolean;
}): SurveyFields {
  return {
    title: survey?.title ?? '',
    description: survey?.description ?? '',
    instructions: survey?.instructions ?? '',
    documentCode: survey?.document?.code ?? '',
    documentTitle: survey?.document?.title ?? '',
    documentKind: survey?.document?.kind ?? '',
    documentSignedOn: survey?.document?.signedOn ?? '',
    reviewKind: survey?.reviewKind ?? 'PRELIMINARY',
    opensAt: toVietnamInput(survey?.opensAt),
    closesAt: toVietnamInput(survey?.closesAt),
    allowAmend: survey?.allowAmend ?? true,
  };
}

/**
 * When the review is due by the usual rule: central documents (…/TW) 5 years after signing for a
 * preliminary review and 10 for a final one; provincial ones 3 and 5.
 */
export function reviewDue(code: string, signedOn: string, kind: ReviewKind): { date: string; years: number } | null {
  if (kind === 'ANNUAL' || !/^\d{4}-\d{2}-\d{2}$/.test(signedOn)) return null;
  const central = /\/TW$/i.test(code.trim());
  const provincial = /\/T[UỦ]$/i.test(code.trim());
  if (!central && !provincial) return null;
  const years = central ? (kind === 'FINAL' ? 10 : 5) : kind === 'FINAL' ? 5 : 3;
  const date = `${Number(signedOn.slice(0, 4)) + years}${signedOn.slice(4)}`;
  return { date, years };
}

type Errors = Partial<Record<keyof SurveyFields | 'owner' | 'form', string>>;

/** Client checks, in the words of the page; the server checks again and its answer lands on the same fields. */
function check(f: SurveyFields, needOwner: boolean, owner: PickedUnit | null): Errors {
  const errors: Errors = {};
  if (!f.title.trim()) errors.title = s('form.titleRequired');
  const anyDocument = f.documentCode || f.documentTitle || f.documentKind || f.documentSignedOn;
  if (anyDocument && !f.documentCode.trim()) errors.documentCode = s('form.documentCodeRequired');
  if (f.opensAt && !fromVietnamInput(f.opensAt)) errors.opensAt = s('form.badTime');
  if (f.closesAt && !fromVietnamInput(f.closesAt)) errors.closesAt = s('form.badTime');
  const opens = fromVietnamInput(f.opensAt);
  const closes = fromVietnamInput(f.closesAt);
  if (opens && closes && closes <= opens) errors.closesAt = s('form.closesBeforeOpens');
  if (needOwner && !owner) errors.owner = s('form.ownerRequired');
  return errors;
}

const serverFields: Record<string, keyof Errors> = {
  title: 'title',
  description: 'description',
  instructions: 'instructions',
  'document.code': 'documentCode',
  'document.title': 'documentTitle',
  'document.kind': 'documentKind',
  'document.signedOn': 'documentSignedOn',
  opensAt: 'opensAt',
  closesAt: 'closesAt',
  ownerUnitId: 'owner',
};

export function valuesOf(f: SurveyFields): SurveyValues {
  return {
    title: f.title.trim(),
    description: f.description,
    instructions: f.instructions,
    document: f.documentCode.trim()
      ? {
          code: f.documentCode.trim(),
          title: f.documentTitle.trim() || null,
          kind: f.documentKind || null,
          signedOn: f.documentSignedOn || null,
        }
      : null,
    reviewKind: f.reviewKind,
    opensAt: fromVietnamInput(f.opensAt),
    closesAt: fromVietnamInput(f.closesAt),
    allowAmend: f.allowAmend,
  };
}

function TextArea({
  id,
  label,
  hint,
  value,
  onValue,
  error,
  disabled,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onValue: (v: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={id}
        rows={3}
        value={value}
        disabled={disabled}
        onInput={(e) => onValue(e.currentTarget.value)}
        {...describedBy({ id, hint, error })}
      />
    </Field>
  );
}

/**
 * The settings of a survey: what it is about, the document under review, the review, the time window and
 * whether units may amend. Used to create a survey (with its organizing unit) and to edit one.
 */
export function SurveyForm({
  initial,
  owner: initialOwner,
  needOwner,
  submitLabel,
  onSubmit,
  disabled,
  testId,
}: {
  initial: SurveyFields;
  owner?: PickedUnit | null;
  needOwner?: boolean;
  submitLabel: string;
  onSubmit: (values: SurveyValues, owner: PickedUnit | null) => Promise<void>;
  disabled?: boolean;
  testId?: string;
}) {
  const f = useSignal<SurveyFields>(initial);
  const owner = useSignal<PickedUnit | null>(initialOwner ?? null);
  const errors = useSignal<Errors>({});
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const v = f.value;
  const set = <K extends keyof SurveyFields>(key: K, value: SurveyFields[K]) => {
    f.value = { ...f.value, [key]: value };
    if (errors.value[key]) errors.value = { ...errors.value, [key]: undefined };
  };
  const due = reviewDue(v.documentCode, v.documentSignedOn, v.reviewKind);
  const id = (name: string) => `${testId ?? 'survey'}-${name}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = check(f.value, !!needOwner, owner.value);
    errors.value = found;
    if (Object.keys(found).length > 0) {
      focusFirstError(form.current);
      return;
    }
    busy.value = true;
    try {
      await onSubmit(valuesOf(f.value), owner.value);
    } catch (error) {
      const field = serverFields[errorField(error) ?? ''];
      const message = errorMessages(error).join(' · ');
      errors.value = field ? { [field]: message } : { form: message };
      focusFirstError(form.current, form.current?.querySelector<HTMLElement>('.form-error'));
    } finally {
      busy.value = false;
    }
  };

  const e = errors.value;
  return (
    <form class="form survey-form" ref={form} onSubmit={submit} noValidate data-testid={testId}>
      <TextField
        id={id('title')}
        label={s('form.title')}
        value={v.title}
        onValue={(x) => set('title', x)}
        error={e.title}
        maxLength={300}
        disabled={disabled}
        required
      />
      {needOwner && (
        <UnitPicker
          id={id('owner')}
          label={s('form.owner')}
          hint={s('form.ownerHint')}
          value={owner.value}
          onChange={(u) => {
            owner.value = u;
            errors.value = { ...errors.value, owner: undefined };
          }}
          error={e.owner}
          testId={id('owner')}
        />
      )}
      <fieldset class="fieldset">
        <legend>{s('form.document')}</legend>
        <div class="field-grid">
          <TextField
            id={id('doc-code')}
            label={s('form.documentCode')}
            hint={s('form.documentCodeHint')}
            value={v.documentCode}
            onValue={(x) => set('documentCode', x)}
            error={e.documentCode}
            maxLength={50}
            disabled={disabled}
          />
          <SelectField
            id={id('doc-kind')}
            label={s('form.documentKind')}
            value={v.documentKind}
            onValue={(x) => set('documentKind', x)}
            error={e.documentKind}
            disabled={disabled}
            options={[
              { value: '', label: s('form.documentKindNone') },
              ...documentKinds.map((k) => ({ value: k, label: s(`documentKind.${k}`) })),
              ...(v.documentKind && !(documentKinds as readonly string[]).includes(v.documentKind)
                ? [{ value: v.documentKind, label: v.documentKind }]
                : []),
            ]}
          />
          <Field id={id('doc-signed')} label={s('form.documentSignedOn')} error={e.documentSignedOn}>
            <input
              id={id('doc-signed')}
              type="date"
              value={v.documentSignedOn}
              disabled={disabled}
              onInput={(x) => set('documentSignedOn', x.currentTarget.value)}
              {...describedBy({ id: id('doc-signed'), error: e.documentSignedOn })}
            />
          </Field>
        </div>
        <TextField
          id={id('doc-title')}
          label={s('form.documentTitle')}
          value={v.documentTitle}
          onValue={(x) => set('documentTitle', x)}
          error={e.documentTitle}
          maxLength={500}
          disabled={disabled}
        />
      </fieldset>
      <SelectField
        id={id('review')}
        label={s('form.reviewKind')}
        value={v.reviewKind}
        onValue={(x) => set('reviewKind', x as ReviewKind)}
        hint={
          due
            ? s('form.reviewDue', {
                date: new Date(`${due.date}T00:00:00Z`).toLocaleDateString(s('locale'), { timeZone: 'UTC' }),
                years: due.years,
              })
            : undefined
        }
        disabled={disabled}
        options={reviewKinds.map((k) => ({ value: k, label: s(`reviewKind.${k}`) }))}
      />
      <div class="field-grid">
        {(['opensAt', 'closesAt'] as const).map((key) => (
          <Field
            key={key}
            id={id(key)}
            label={s(`form.${key}` as Key)}
            hint={s(key === 'opensAt' ? 'form.opensAtHint' : 'form.closesAtHint')}
            error={e[key]}
          >
            <input
              id={id(key)}
              type="datetime-local"
              value={v[key]}
              disabled={disabled}
              onInput={(x) => set(key, x.currentTarget.value)}
              {...describedBy({
                id: id(key),
                hint: s(key === 'opensAt' ? 'form.opensAtHint' : 'form.closesAtHint'),
                error: e[key],
              })}
            />
          </Field>
        ))}
      </div>
      <label class="checkbox">
        <input
          type="checkbox"
          id={id('amend')}
          checked={v.allowAmend}
          disabled={disabled}
          onChange={(x) => set('allowAmend', x.currentTarget.checked)}
        />
        {s('form.allowAmend')}
      </label>
      <TextArea
        id={id('description')}
        label={s('form.description')}
        hint={s('form.descriptionHint')}
        value={v.description}
        onValue={(x) => set('description', x)}
        error={e.description}
        disabled={disabled}
      />
      <TextArea
        id={id('instructions')}
        label={s('form.instructions')}
        hint={s('form.instructionsHint')}
        value={v.instructions}
        onValue={(x) => set('instructions', x)}
        error={e.instructions}
        disabled={disabled}
      />
      {e.form && (
        <p class="notice notice--error form-error" role="alert" tabIndex={-1}>
          {e.form}
        </p>
      )}
      {!disabled && (
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy.value} data-testid={id('submit')}>
            {busy.value ? s('saving') : submitLabel}
          </button>
        </div>
      )}
    </form>
  );
}
