/**
 * `<diemcau-live-counter conference="12" lang="vi">`: the big numbers of a conference (bridge points
 * connected / total, participants present / expected) for a host portal, in a shadow root so the
 * portal's styles and ours never meet. One classic script:
 *
 *   <script src="https://hoinghi.example.vn/live-counter.js"></script>
 *   <diemcau-live-counter conference="12"></diemcau-live-counter>
 *
 * It reads `publicLiveCounter` (the organizer must make the conference's counter public, and the
 * portal's origin must be in the server's PUBLIC_ORIGINS) every `interval` seconds (default 10, at
 * least 3) from the API the script came from (or `api="…"`). No cookie is sent: the figures are public.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PublicLiveCounterQuery } from '../gql/graphql.ts';
import css from './counter.css?inline';
import { publicLiveCounterQuery } from './documents.ts';
import { commonWords, counterWords, formatClock, formatNumber, type Lang, translator } from './strings.ts';

// Read while the script runs: afterwards `currentScript` is gone.
const scriptOrigin = new URL((document.currentScript as HTMLScriptElement | null)?.src || location.href).origin;

type Counter = PublicLiveCounterQuery['publicLiveCounter'];
type State = { status: 'loading' } | { status: 'ready'; counter: Counter } | { status: 'unavailable' };

async function fetchCounter(api: string, id: string): Promise<Counter | null> {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: publicLiveCounterQuery.toString(), variables: { id } }),
  });
  const body = (await response.json()) as { data?: PublicLiveCounterQuery | null };
  return body.data?.publicLiveCounter ?? null;
}

function Big({
  label,
  value,
  total,
  lang,
  testId,
}: {
  label: string;
  value: number;
  total: number;
  lang: Lang;
  testId: string;
}) {
  const t = translator(counterWords, () => lang);
  return (
    <div class="figure" data-testid={testId}>
      <span class="label">{label}</span>
      <span class="value">{formatNumber(lang, value)}</span>
      <span class="total">{t('of', { n: formatNumber(lang, total) })}</span>
    </div>
  );
}

function LiveCounter({ api, id, lang, every }: { api: string; id: string; lang: Lang; every: number }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const t = translator(counterWords, () => lang);
  const common = translator(commonWords, () => lang);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const counter = await fetchCounter(api, id);
        if (!alive) return;
        if (counter) setState({ status: 'ready', counter });
        else setState((s) => (s.status === 'ready' ? s : { status: 'unavailable' }));
      } catch {
        // Offline for a moment: keep the last figures and try again.
        if (alive) setState((s) => (s.status === 'ready' ? s : { status: 'unavailable' }));
      }
      if (alive) timer = setTimeout(tick, (document.hidden ? 4 : 1) * every * 1000);
    };
    void tick();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [api, id, every]);

  if (state.status !== 'ready') {
    return (
      <div class="counter" role="status">
        <p class="note">{t(state.status === 'loading' ? 'loading' : 'unavailable')}</p>
      </div>
    );
  }
  const c = state.counter;
  return (
    <section class="counter" aria-label={c.title} data-status={c.status}>
      <p class="title">
        <span class="status">{common(c.status)}</span> {c.title}
      </p>
      <div class="figures" role="status">
        <Big
          label={t('bridgePoints')}
          value={c.totals.connected}
          total={c.totals.bridgePoints}
          lang={lang}
          testId="counter-bridge-points"
        />
        <Big
          label={t('present')}
          value={c.totals.present}
          total={c.totals.expected}
          lang={lang}
          testId="counter-present"
        />
      </div>
      <p class="note">{t('updated', { time: formatClock(lang, c.at) })}</p>
    </section>
  );
}

class DiemcauLiveCounter extends HTMLElement {
  static observedAttributes = ['conference', 'lang', 'api', 'interval'];
  private mount: HTMLElement | null = null;

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = css;
      this.mount = document.createElement('div');
      root.append(style, this.mount);
    }
    this.draw();
  }

  disconnectedCallback() {
    if (this.mount) render(null, this.mount);
  }

  attributeChangedCallback() {
    if (this.mount) this.draw();
  }

  private draw() {
    const id = this.getAttribute('conference') ?? '';
    const lang: Lang = this.getAttribute('lang') === 'en' ? 'en' : 'vi';
    const every = Math.max(3, Number(this.getAttribute('interval')) || 10);
    const api = this.getAttribute('api') ?? scriptOrigin;
    render(<LiveCounter api={api} id={id} lang={lang} every={every} />, this.mount!);
  }
}

if (!customElements.get('diemcau-live-counter')) customElements.define('diemcau-live-counter', DiemcauLiveCounter);
