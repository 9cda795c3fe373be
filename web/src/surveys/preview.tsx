/**
 * The live preview: the respondent form itself (`web/src/survey/`: its store, its components, its CSS in a
 * shadow root, the shared rules), fed from the builder's in-memory questionnaire instead of a link. Only
 * its transport differs: `previewApi` answers the form's four operations here in the browser, so nothing
 * is saved or sent, and the respondent bundle carries no preview code.
 */
import { dropHiddenAnswers, type QuestionnaireContent } from '@diemcau/schema';
import { batch, effect } from '@preact/signals';
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { language } from '../lib/i18n.ts';
import { AMEND, type Api, QUESTIONNAIRE, type Questionnaire, type Receipt, SAVE_DRAFT, SUBMIT } from '../survey/api.ts';
import { SurveyApp } from '../survey/app.tsx';
import { idbDelete } from '../survey/idb.ts';
import { createStore, type Store } from '../survey/state.ts';
import css from '../survey/survey.css?inline';

export type PreviewMeta = Omit<
  Questionnaire,
  'version' | 'state' | 'answers' | 'draftSavedAt' | 'receipt' | 'writable' | 'opensAt' | 'closedReason'
> & {
  versionNumber: number;
};

/** The form's GraphQL operations, answered in memory: the questionnaire being built, drafts kept, a sample receipt. */
function previewApi(current: () => Questionnaire): Api {
  let answers: Questionnaire['answers'] = {};
  let receipt: Receipt | null = null;
  return async <T,>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const now = new Date().toISOString();
    if (query === QUESTIONNAIRE) {
      const q = current();
      return { questionnaire: { ...q, answers, receipt, state: receipt ? 'SUBMITTED' : q.state } } as T;
    }
    if (query === SAVE_DRAFT) {
      answers = variables.a as Questionnaire['answers'];
      return { saveDraft: { savedAt: now } } as T;
    }
    if (query === SUBMIT || query === AMEND) {
      answers = variables.a as Questionnaire['answers'];
      receipt = {
        number: 'XEM-TRUOC',
        submittedAt: now,
        submittedBy: String(variables.by),
        amendment: query === AMEND,
      };
      return { [query === SUBMIT ? 'submitResponse' : 'amendResponse']: receipt } as T;
    }
    throw new Error(`the preview does not answer ${query.slice(0, 40)}`);
  };
}

function questionnaireOf(meta: PreviewMeta, content: QuestionnaireContent): Questionnaire {
  const { versionNumber, ...rest } = meta;
  return {
    ...rest,
    version: { number: versionNumber, content },
    state: 'NOT_OPENED',
    answers: {},
    draftSavedAt: null,
    receipt: null,
    writable: true,
    opensAt: null,
    closedReason: null,
  };
}

/**
 * Renders the respondent form for `content` in a shadow root. A new `content` updates the open form in
 * place (answers of questions that are gone or hidden drop out), so the organizer keeps their place;
 * `resetKey` starts it over.
 */
export function SurveyPreview({
  previewId,
  meta,
  content,
  resetKey,
}: {
  previewId: string;
  meta: PreviewMeta;
  content: QuestionnaireContent;
  resetKey: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  const store = useRef<Store | null>(null);
  const latest = useRef(questionnaireOf(meta, content));
  latest.current = questionnaireOf(meta, content);
  const token = `preview:${previewId}`;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    root.replaceChildren();
    const style = document.createElement('style');
    style.textContent = css;
    const mount = document.createElement('div');
    root.append(style, mount);
    let disposeLang: (() => void) | undefined;
    let alive = true;
    // The form keeps a copy of its draft on the device under its token: a preview starts from nothing.
    void idbDelete(token).then(() => {
      if (!alive) return;
      const s = createStore(
        previewApi(() => latest.current),
        token,
        language.peek(),
      );
      store.current = s;
      disposeLang = effect(() => {
        s.lang.value = language.value;
      });
      render(<SurveyApp s={s} />, mount);
    });
    return () => {
      alive = false;
      disposeLang?.();
      render(null, mount);
      store.current = null;
      void idbDelete(token);
    };
  }, [resetKey, previewId]);

  useEffect(() => {
    const s = store.current;
    const data = s?.data.peek();
    if (!s || !data) return;
    const known = new Set(content.sections.flatMap((sec) => sec.questions.map((q) => q.key)));
    batch(() => {
      s.data.value = { ...data, ...latest.current, answers: data.answers, receipt: data.receipt, state: data.state };
      s.answers.value = dropHiddenAnswers(
        content,
        Object.fromEntries(Object.entries(s.answers.peek()).filter(([key]) => known.has(key))),
      );
      // Still on a page that exists: a section removed under the open page moves it back.
      const count = content.sections.length;
      if (s.phase.peek() === 'form' && s.page.peek() >= count) s.page.value = Math.max(0, count - 1);
      if (s.phase.peek() === 'review') s.page.value = count;
    });
  }, [content, meta]);

  return <div ref={host} class="preview-host" data-testid="preview" />;
}
