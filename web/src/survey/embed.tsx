/**
 * The respondent form, one script for two uses:
 * - embedded: `<script src="https://khaosat.example.vn/survey.js"></script>` and
 *   `<diemcau-survey token="dcr_…" lang="vi"></diemcau-survey>` on a host portal (the API is the
 *   script's own origin, allowed there by `PUBLIC_ORIGINS`);
 * - standalone: `/s/<token>` serves `survey.html`, whose element reads the token from the address.
 * It renders into a shadow root with its CSS inside, so host styles and ours never meet.
 */
import { render } from 'preact';
import { createApi } from './api.ts';
import { SurveyApp } from './app.tsx';
import { createStore, type Store } from './state.ts';
import type { Lang } from './strings.ts';
import css from './survey.css?inline';

// Read while the script runs: afterwards `currentScript` is gone.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
const base = new URL(scriptUrl).origin;

const langKey = 'diemcau-survey-lang';

/** Embedded: the host's `lang` attribute. Standalone: `?lang=`, then the last choice on this device. */
function pickLang(attr: string | null, standalone: boolean): Lang {
  const asked = standalone ? (new URLSearchParams(location.search).get('lang') ?? localStorageGet()) : attr;
  return asked === 'en' ? 'en' : 'vi';
}

function localStorageGet(): string | null {
  try {
    return localStorage.getItem(langKey);
  } catch {
    return null;
  }
}

class DiemcauSurvey extends HTMLElement {
  static observedAttributes = ['token', 'lang'];
  private store: Store | null = null;
  private mount: HTMLElement | null = null;
  private disposeLang: (() => void) | null = null;

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = css;
      this.mount = document.createElement('div');
      root.append(style, this.mount);
    }
    this.start();
  }

  disconnectedCallback() {
    this.stop();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null) {
    if (old === value || !this.store) return;
    if (name === 'lang') this.store.lang.value = value === 'en' ? 'en' : 'vi';
    else this.start();
  }

  private token(): string {
    return this.getAttribute('token') ?? decodeURIComponent(location.pathname.split('/s/')[1]?.split('/')[0] ?? '');
  }

  private start() {
    this.stop();
    const standalone = this.hasAttribute('page');
    const api = createApi(this.getAttribute('api') ?? base);
    const store = createStore(api, this.token(), pickLang(this.getAttribute('lang'), standalone));
    this.store = store;
    this.disposeLang = store.lang.subscribe((lang) => {
      try {
        if (standalone) localStorage.setItem(langKey, lang);
      } catch {
        // storage blocked: the choice lasts for this page only
      }
      if (standalone) {
        document.documentElement.lang = lang;
        document.title = store.data.value?.title ?? (lang === 'vi' ? 'Phiếu khảo sát' : 'Questionnaire');
      }
    });
    if (standalone)
      store.data.subscribe((d) => {
        if (d) document.title = d.title;
      });
    render(<SurveyApp s={store} />, this.mount!);
  }

  private stop() {
    this.disposeLang?.();
    this.disposeLang = null;
    if (this.store && this.mount) render(null, this.mount);
    this.store = null;
  }
}

if (!customElements.get('diemcau-survey')) customElements.define('diemcau-survey', DiemcauSurvey);
