import type { Signal } from '@preact/signals';
import type {
  ComponentChildren,
  InputHTMLAttributes,
  PartialInputHTMLAttributes,
  PartialSelectHTMLAttributes,
  RefObject,
} from 'preact';
import { describeError, errorField } from '../lib/errors.ts';
import type { Text } from '../lib/i18n.ts';
import type { NoticeValue } from './notice.tsx';

type Described = { id: string; hint?: string | undefined; error?: string | null | undefined };

/** `aria-describedby` / `aria-invalid` for a control with an optional hint and error below it. */
export function describedBy({ id, hint, error }: Described) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined };
}

/** Label above, then the control, its hint and its error; the error is tied to the control for screen readers. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: Described & { label: ComponentChildren; children: ComponentChildren }) {
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'label' | 'onChange' | 'role' | 'type'> & {
  id: string;
  type?: 'text' | 'password' | 'number' | 'search' | 'email';
  label: ComponentChildren;
  hint?: string | undefined;
  error?: string | null | undefined;
  value: string;
  onValue: (value: string) => void;
};

/** A labelled text input (text, password, number, search …) with hint and error. */
export function TextField({ id, label, hint, error, value, onValue, type = 'text', ...rest }: InputProps) {
  // preact types `<input>` as a union keyed by `type`; the props here are valid for each type allowed above.
  const control = {
    id,
    name: id,
    type,
    value,
    onInput: (event: Event) => onValue((event.currentTarget as HTMLInputElement).value),
    ...describedBy({ id, hint, error }),
    ...rest,
  } as InputHTMLAttributes<HTMLInputElement>;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input {...control} />
    </Field>
  );
}

type SelectProps = Omit<PartialSelectHTMLAttributes<HTMLSelectElement>, 'label' | 'onChange' | 'role'> & {
  id: string;
  label: ComponentChildren;
  hint?: string | undefined;
  error?: string | null | undefined;
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string }[];
};

export function SelectField({ id, label, hint, error, value, onValue, options, ...rest }: SelectProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={id}
        value={value}
        onChange={(event) => onValue(event.currentTarget.value)}
        {...describedBy({ id, hint, error })}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** After the next render, moves the focus to the first invalid control inside `root` (or to `fallback`). */
export function focusFirstError(root: HTMLElement | null, fallback?: HTMLElement | null): void {
  setTimeout(() => {
    const invalid = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? fallback)?.focus();
  }, 0);
}

/** After the next render, moves the focus to `target` (a result, a message, the next step). */
export function focusSoon(target: () => HTMLElement | null | undefined): void {
  setTimeout(() => target()?.focus(), 0);
}

/**
 * A submit the server refused: beside its field when the error names one of `fields` (focus on it),
 * otherwise in the form's notice (focus there). `text` words a field's error, by default the code's.
 */
export function showSubmitError<F extends string>(
  error: unknown,
  fields: readonly F[],
  to: {
    errors: Signal<Partial<Record<F, Text>>>;
    notice: Signal<NoticeValue>;
    form: RefObject<HTMLElement | null>;
    noticeRef: RefObject<HTMLElement | null>;
  },
  text: (field: F) => string = () => describeError(error),
): void {
  const field = errorField(error);
  if (field && (fields as readonly string[]).includes(field)) {
    const named = field as F;
    to.notice.value = null;
    to.errors.value = { [named]: () => text(named) } as Partial<Record<F, Text>>;
    focusFirstError(to.form.current);
  } else {
    to.notice.value = { kind: 'error', text: () => describeError(error) };
    focusSoon(() => to.noticeRef.current);
  }
}
