import type { RefObject } from 'preact';
import type { Text } from '../lib/i18n.ts';

export type NoticeValue = { kind: 'error' | 'success' | 'info'; text: Text } | null;

/**
 * A polite live region that is always in the page (so screen readers hear every change), showing the
 * outcome of an action. It can take the focus (`tabIndex=-1`) when the outcome is the next thing to read.
 */
export function Notice({
  value,
  noticeRef,
  testId,
}: {
  value: NoticeValue;
  noticeRef?: RefObject<HTMLDivElement | null>;
  testId?: string;
}) {
  return (
    <div
      class={value ? `notice notice--${value.kind}` : 'notice notice--empty'}
      role="status"
      aria-live="polite"
      tabIndex={-1}
      ref={noticeRef}
      data-testid={testId}
    >
      {value?.text()}
    </div>
  );
}
