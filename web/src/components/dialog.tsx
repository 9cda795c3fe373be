import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { describeError } from '../lib/errors.ts';
import { t } from '../lib/i18n.ts';

/**
 * A modal dialog (the browser's own `<dialog>`): it keeps the focus inside while open, closes with Escape,
 * and gives the focus back to what had it before. Its content is rendered only while open.
 */
export function Dialog({
  id,
  open,
  title,
  onClose,
  children,
  wide,
}: {
  id: string;
  open: boolean;
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      id={id}
      class={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={`${id}-title`}
      onClose={() => {
        if (open) onClose();
      }}
      data-testid={id}
    >
      {open && (
        <>
          <h2 id={`${id}-title`} class="dialog-title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}

/** "Are you sure?" for an action that changes things for others: what it does, then do it or cancel. */
export function ConfirmDialog({
  id,
  open,
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
  onClose,
}: {
  id: string;
  open: boolean;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  /** Resolves when done (the dialog then closes); its error is shown in the dialog. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const confirm = async () => {
    busy.value = true;
    error.value = null;
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      error.value = describeError(e);
    } finally {
      busy.value = false;
    }
  };
  return (
    <Dialog
      id={id}
      open={open}
      title={title}
      onClose={() => {
        error.value = null;
        onClose();
      }}
    >
      {children}
      {error.value && (
        <p class="notice notice--error" role="alert">
          {error.value}
        </p>
      )}
      <div class="actions dialog-actions">
        <button
          type="button"
          class={danger ? 'button button--danger' : 'button button--primary'}
          disabled={busy.value}
          onClick={() => void confirm()}
          data-testid={`${id}-confirm`}
        >
          {busy.value ? t('common.saving') : confirmLabel}
        </button>
        <button type="button" class="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
