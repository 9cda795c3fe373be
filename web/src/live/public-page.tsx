/**
 * What the small public pages (check-in, operator console) share: the page language, its switch,
 * and the connection badge. No part of the signed-in app is imported here, so these pages stay small.
 */
import { effect, signal } from '@preact/signals';
import type { LinkState } from './connection.ts';
import { commonWords, type Lang, refusalWords, translator } from './strings.ts';

/** The same key as the signed-in app's switch, so a choice made there holds here too. */
const storageKey = 'diemcau.language';

function initialLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'en' || asked === 'vi') return asked;
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export const lang = signal<Lang>(initialLang());

export function setLang(next: Lang): void {
  lang.value = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // storage blocked: the choice lasts for this visit
  }
}

effect(() => {
  document.documentElement.lang = lang.value;
});

export const common = translator(commonWords, () => lang.value);
const refusal = translator(refusalWords, () => lang.value);

/** The sentence for a refused handshake's code. */
export function refusalText(code: string): string {
  return code in refusalWords.vi ? refusal(code as keyof typeof refusalWords.vi) : refusal('other', { code });
}

/** Each language named in itself. */
export function LangSwitch() {
  return (
    <fieldset class="lang">
      <legend class="sr-only">{common('language')}</legend>
      {(['vi', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang.value === l}
          data-testid={`lang-${l}`}
          onClick={() => setLang(l)}
        >
          {l === 'vi' ? 'Tiếng Việt' : 'English'}
        </button>
      ))}
    </fieldset>
  );
}

/** "Connected" / "reconnecting…" as a live region, so a screen reader hears each change. */
export function LinkBadge({ state }: { state: LinkState }) {
  const kind = state.kind === 'refused' ? 'offline' : state.kind;
  return (
    <p class="link" data-state={kind} role="status" data-testid="link-state">
      <span class="link-dot" aria-hidden="true" />
      {common(kind)}
    </p>
  );
}
