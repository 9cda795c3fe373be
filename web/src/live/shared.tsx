/** Small pieces the organizer's conference pages share. */
import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { focusSoon } from '../components/field.tsx';
import { language } from '../lib/i18n.ts';
import { commonWords, organizerWords, translator } from './strings.ts';

export const s = translator(organizerWords, () => language.value);
export const common = translator(commonWords, () => language.value);

export function StatusPill({ status }: { status: 'SCHEDULED' | 'LIVE' | 'ENDED' }) {
  return (
    <span class="status-pill" data-status={status}>
      {common(status)}
    </span>
  );
}

/**
 * A button that asks first: pressing it shows the question with "do it" and "cancel" in its place,
 * focus on "do it"; cancelling puts the focus back on the button.
 */
export function Confirm({
  label,
  question,
  confirmLabel,
  onConfirm,
  danger,
  testId,
  buttonClass = 'button',
}: {
  label: ComponentChildren;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown> | unknown;
  danger?: boolean;
  testId?: string;
  buttonClass?: string;
}) {
  const asking = useSignal(false);
  const busy = useSignal(false);
  const opener = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  if (!asking.value) {
    return (
      <button
        type="button"
        class={buttonClass}
        ref={opener}
        data-testid={testId}
        onClick={() => {
          asking.value = true;
          focusSoon(() => yes.current);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset class="confirm">
      <legend>{question}</legend>
      <div class="actions">
        <button
          type="button"
          class={danger ? 'button button--danger' : 'button button--primary'}
          ref={yes}
          disabled={busy.value}
          data-testid={testId && `${testId}-confirm`}
          onClick={async () => {
            busy.value = true;
            try {
              await onConfirm();
            } finally {
              busy.value = false;
              asking.value = false;
            }
          }}
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          class="button"
          disabled={busy.value}
          onClick={() => {
            asking.value = false;
            focusSoon(() => opener.current);
          }}
        >
          {s('cancel')}
        </button>
      </div>
    </fieldset>
  );
}

/** Saves text as a file (CSV with its BOM as the server wrote it). */
export function download(filename: string, content: string, contentType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `2026-03-15T08:00` typed in a datetime-local field, as Vietnam time (UTC+7, no daylight saving). */
export function fromVietnamLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+07:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The other way: a time as a datetime-local value in Vietnam time. */
export function toVietnamLocal(date: Date): string {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

export function formatWhenVi(iso: string): string {
  return new Intl.DateTimeFormat(language.value === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}
