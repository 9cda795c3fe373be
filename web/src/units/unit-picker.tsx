import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { describedBy, focusSoon } from '../components/field.tsx';
import { describeError } from '../lib/errors.ts';
import { t } from '../lib/i18n.ts';
import { kindName } from '../lib/roles.ts';
import { type FoundUnit, useUnitSearch } from './unit-search.ts';

export type PickedUnit = { id: string; code: string; name: string; path: readonly string[] };

/** "Tỉnh ủy Thanh Hóa › Huyện ủy Thọ Xuân": a breadcrumb as one line of text. */
export function pathText(names: readonly string[]): string {
  return names.join(' › ');
}

export function pickedFrom(unit: FoundUnit): PickedUnit {
  return { id: unit.id, code: unit.code, name: unit.name, path: unit.ancestors.map((a) => a.name) };
}

/** The status line of a search, read out politely as results arrive. */
export function searchStatusText(state: ReturnType<typeof useUnitSearch>): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'searching':
      return t('unitSearch.searching');
    case 'failed':
      return describeError(state.error);
    case 'done':
      return state.units.length === 0 ? t('unitSearch.none') : t('unitSearch.count', { n: state.units.length });
  }
}

/**
 * Choose one unit by searching for it (accent-insensitive, by name or code). Once chosen it shows the
 * unit with its breadcrumb and a button to choose another.
 */
export function UnitPicker({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  isDisabled,
  testId,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  value: PickedUnit | null;
  onChange: (unit: PickedUnit | null) => void;
  /** Units that can't be chosen here (e.g. a unit's own subtree when moving it), with the reason. */
  isDisabled?: (unit: FoundUnit) => string | null;
  testId?: string;
}) {
  const text = useSignal('');
  const search = useUnitSearch(text.value, { first: 10 });
  const input = useRef<HTMLInputElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);

  if (value) {
    return (
      <div class="field picker" data-testid={testId}>
        <span class="label" id={`${id}-label`}>
          {label}
        </span>
        <p class="picked" data-testid={testId && `${testId}-value`}>
          <strong>{value.name}</strong> <span class="muted">({value.code})</span>
          {value.path.length > 0 && <span class="picked-path muted">{pathText(value.path)}</span>}
        </p>
        <button
          type="button"
          class="button button--quiet"
          ref={changeButton}
          onClick={() => {
            onChange(null);
            focusSoon(() => document.getElementById(id));
          }}
        >
          {t('unitPicker.change')}
          <span class="sr-only">: {label}</span>
        </button>
      </div>
    );
  }

  const units = search.status === 'done' ? search.units : [];
  return (
    <div class={error ? 'field picker field--invalid' : 'field picker'} data-testid={testId}>
      <label for={id}>{label}</label>
      <input
        id={id}
        ref={input}
        type="search"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('unitPicker.placeholder')}
        value={text.value}
        onInput={(event) => {
          text.value = event.currentTarget.value;
        }}
        onKeyDown={(event) => {
          // Enter in a search box must not submit the surrounding form.
          if (event.key === 'Enter') event.preventDefault();
        }}
        {...describedBy({ id, hint: hint ?? t('unitPicker.hint'), error })}
      />
      <p class="field-hint" id={`${id}-hint`}>
        {hint ?? t('unitPicker.hint')}
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <p class="search-status muted" role="status" aria-live="polite">
        {searchStatusText(search)}
      </p>
      {units.length > 0 && (
        <ul class="picker-results" aria-label={t('unitPicker.results')}>
          {units.map((unit) => {
            const reason = isDisabled?.(unit) ?? null;
            return (
              <li key={unit.id}>
                <button
                  type="button"
                  class="picker-option"
                  disabled={reason !== null}
                  title={reason ?? undefined}
                  onClick={() => {
                    onChange(pickedFrom(unit));
                    text.value = '';
                    focusSoon(() => changeButton.current);
                  }}
                >
                  <span class="picker-name">
                    {unit.name} <span class="muted">({unit.code})</span>
                  </span>
                  <span class="picker-path muted">
                    {[kindName(unit.kind), pathText(unit.ancestors.map((a) => a.name)), reason]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
