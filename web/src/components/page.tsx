import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n.ts';

let navigated = false;

/** Called by the router after a client-side navigation: from then on each new page takes the focus. */
export function markNavigated(): void {
  navigated = true;
}

/**
 * A page: its title in the tab and as the one `h1`. After a client-side navigation the heading takes the
 * focus, so a screen reader announces the new page and the keyboard starts from its top.
 */
export function Page({ title, wide, children }: { title: string; wide?: boolean; children?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title]);
  useEffect(() => {
    if (navigated) heading.current?.focus();
  }, []);
  return (
    <div class={wide ? 'page page--wide' : 'page'}>
      <h1 class="page-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
