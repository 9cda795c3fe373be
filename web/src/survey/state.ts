import {
  type AnswerProblem,
  type Answers,
  type AnswerValue,
  answerProblemCodes,
  dropHiddenAnswers,
  problemMessage,
  type Question,
  validateAnswers,
  visibleQuestionKeys,
} from '@diemcau/schema';
import { batch, computed, signal } from '@preact/signals';
import {
  AMEND,
  type Api,
  ApiError,
  newKey,
  QUESTIONNAIRE,
  type Questionnaire,
  type Receipt,
  SAVE_DRAFT,
  SUBMIT,
} from './api.ts';
import { idbDelete, idbGet, idbSet } from './idb.ts';
import { type Lang, t } from './strings.ts';

/** What this device keeps per link: the draft (and the questionnaire, to reopen it offline). */
type Kept = {
  answers: Answers;
  /** When the answers last changed here (ms). */
  changedAt: number;
  /** The server has these answers. */
  synced: boolean;
  page: number;
  submittedBy?: string;
  /** Kept across retries so a repeated submit gets the same receipt. */
  submitKey?: string;
  questionnaire?: Questionnaire;
};

export type Phase = 'loading' | 'error' | 'form' | 'review' | 'receipt';
export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'failed';

const autosaveDelay = 800;
/** Offline: how often to try again (besides the browser's "online" event). */
const retryDelay = 15_000;
/** Refused by the server for another reason: try again after 5 s, 10 s, 20 s … up to 5 min. */
const backoffFirst = 5_000;
const backoffMax = 300_000;

/** A save refused with one of these will never work: reopen the questionnaire to show why. */
const goneCodes = [
  'LINK_INVALID',
  'LINK_REVOKED',
  'LINK_REPLACED',
  'ASSIGNMENT_WITHDRAWN',
  'SURVEY_CLOSED',
  'SURVEY_NOT_OPEN',
  'ALREADY_SUBMITTED',
];

export type Store = ReturnType<typeof createStore>;

/** The state of one form: a plain object of signals, so several forms can live on one page. */
export function createStore(api: Api, token: string, initialLang: Lang) {
  const lang = signal<Lang>(initialLang);
  const phase = signal<Phase>('loading');
  const errorCode = signal('');
  /** The date the error page gives: when the survey opens, or the deadline that passed. */
  const errorDate = signal<string | null>(null);
  const data = signal<Questionnaire | null>(null);
  const answers = signal<Answers>({});
  const page = signal(0);
  /** Messages per question key: instant checks, the checks of a page left, the server's answer to a submit. */
  const errors = signal<Record<string, string>>({});
  /** Numeric fields whose text is not a number (kept as typed, not in the answers). */
  const raw = signal<Record<string, string>>({});
  const saveState = signal<SaveState>('idle');
  const submittedBy = signal('');
  const submitError = signal('');
  const submitting = signal(false);
  const amending = signal(false);
  const receipt = signal<Receipt | null>(null);
  /** Sections whose checks have been shown (the respondent tried to leave them). */
  const checked = new Set<number>();
  /** Questions the respondent has changed: their full checks show at once (all but "required"). */
  const touched = new Set<string>();
  /** The server's answer to the last submit, per question key (and `$by` for the sender's name). */
  let serverErrors: Record<string, string> = {};
  let submitKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Saves refused in a row (not counting the network being down). */
  let failures = 0;
  let saving = false;
  let pendingSave = false;
  let changedAt = 0;

  const content = computed(() => data.value?.version.content ?? { sections: [] });
  const visible = computed(() => visibleQuestionKeys(content.value, answers.value));
  const sections = computed(() =>
    content.value.sections.map((s, index) => ({
      section: s,
      index,
      questions: s.questions.filter((q) => visible.value.has(q.key)),
    })),
  );

  const message = (p: AnswerProblem) => problemMessage(p, lang.value);

  function sectionOf(key: string): number {
    return content.value.sections.findIndex((s) => s.questions.some((q) => q.key === key));
  }

  /** Problems of a submit, limited to the given sections. */
  function problemsIn(sectionIndexes: Set<number> | null): Record<string, string> {
    const found: Record<string, string> = {};
    for (const p of validateAnswers(content.value, answers.value, 'submit')) {
      if (sectionIndexes && !sectionIndexes.has(sectionOf(p.questionKey))) continue;
      found[p.questionKey] ??= message(p);
    }
    for (const key of Object.keys(raw.value)) {
      if (visible.value.has(key) && (!sectionIndexes || sectionIndexes.has(sectionOf(key))))
        found[key] = t(lang.value, 'notNumber');
    }
    return found;
  }

  /** Re-runs the checks after a change: type checks everywhere, full checks on pages already checked. */
  function recheck() {
    const next: Record<string, string> = { ...serverErrors };
    for (const p of validateAnswers(content.value, answers.value, 'submit')) {
      if (touched.has(p.questionKey) && p.code !== 'REQUIRED') next[p.questionKey] ??= message(p);
    }
    Object.assign(next, problemsIn(checked));
    for (const key of Object.keys(raw.value)) if (visible.value.has(key)) next[key] = t(lang.value, 'notNumber');
    errors.value = next;
  }

  function keep(extra: Partial<Kept> = {}) {
    const record: Kept = {
      answers: answers.value,
      changedAt,
      synced: saveState.value === 'saved',
      page: page.value,
      submittedBy: submittedBy.value,
      submitKey,
      questionnaire: data.value ?? undefined,
      ...extra,
    };
    void idbSet(token, record);
  }

  /** Answers the server will take as a draft: visible ones that pass the type checks. */
  function draftAnswers(): Answers {
    const shown = dropHiddenAnswers(content.value, answers.value);
    const bad = new Set(validateAnswers(content.value, shown, 'draft').map((p) => p.questionKey));
    return Object.fromEntries(Object.entries(shown).filter(([k]) => !bad.has(k)));
  }

  function retryIn(ms: number) {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void saveNow();
    }, ms);
  }

  function stopRetrying() {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    failures = 0;
  }

  async function saveNow(): Promise<void> {
    clearTimeout(timer);
    if (amending.value || !data.value?.writable || receipt.value || phase.value === 'error') return;
    if (saving) {
      pendingSave = true;
      return;
    }
    saving = true;
    const startedAt = changedAt;
    saveState.value = 'saving';
    try {
      await api(SAVE_DRAFT, { t: token, a: draftAnswers() });
      const stillCurrent = startedAt === changedAt;
      saveState.value = stillCurrent ? 'saved' : 'saving';
      if (stillCurrent) {
        stopRetrying();
        keep({ synced: true });
      } else pendingSave = true;
    } catch (error) {
      const codes = error instanceof ApiError ? error.codes : [];
      if (codes.some((c) => goneCodes.includes(c))) {
        // Revoked, replaced, closed… while the form was open: the draft stays on this device, and
        // reopening the link shows the page that says why.
        stopRetrying();
        pendingSave = false;
        saveState.value = 'failed';
        void load();
        return;
      }
      const offline = codes.includes('NETWORK_ERROR');
      saveState.value = offline ? 'offline' : 'failed';
      // Offline: try again when the browser says the network is back, and every few seconds anyway.
      // Refused otherwise (a server error, too many requests): the draft is kept here; try again later and later.
      if (offline) retryIn(retryDelay);
      else retryIn(Math.min(backoffFirst * 2 ** failures++, backoffMax));
    } finally {
      saving = false;
      if (pendingSave) {
        pendingSave = false;
        void saveNow();
      }
    }
  }

  function onOnline() {
    if (saveState.value === 'offline' || saveState.value === 'failed') void saveNow();
  }

  /** Sets one answer (undefined clears it); hidden questions lose their answers at once. */
  function setAnswer(key: string, value: AnswerValue | undefined) {
    const next: Answers = { ...answers.value };
    if (value === undefined) delete next[key];
    else next[key] = value;
    batch(() => {
      answers.value = dropHiddenAnswers(content.value, next);
      touched.add(key);
      delete serverErrors[key];
      recheck();
      changedAt = Date.now();
      if (saveState.value === 'saved' || saveState.value === 'idle')
        saveState.value = amending.value ? 'idle' : 'saving';
    });
    keep({ synced: false });
    clearTimeout(timer);
    timer = setTimeout(() => void saveNow(), autosaveDelay);
  }

  function setRaw(key: string, text: string | undefined) {
    const next = { ...raw.value };
    if (text === undefined) delete next[key];
    else next[key] = text;
    raw.value = next;
  }

  async function load(): Promise<void> {
    phase.value = 'loading';
    const kept = await idbGet<Kept>(token);
    let fresh: Questionnaire;
    try {
      fresh = (await api<{ questionnaire: Questionnaire }>(QUESTIONNAIRE, { t: token })).questionnaire;
    } catch (error) {
      const code = error instanceof ApiError ? (error.codes[0] ?? 'ERROR') : 'ERROR';
      if (code === 'NETWORK_ERROR' && kept?.questionnaire) {
        // Reopened without a network: carry on from this device.
        start(kept.questionnaire, kept, true);
        saveState.value = 'offline';
        retryIn(retryDelay);
        return;
      }
      batch(() => {
        errorCode.value = code;
        errorDate.value = (error instanceof ApiError && error.problems[0]?.extensions?.opensAt) || null;
        phase.value = 'error';
      });
      return;
    }
    start(fresh, kept, false);
  }

  function start(q: Questionnaire, kept: Kept | undefined, offline: boolean) {
    const serverAt = q.draftSavedAt ? Date.parse(q.draftSavedAt) : 0;
    const submitted = q.receipt !== null && (q.state === 'SUBMITTED' || q.state === 'AMENDED');
    // The device's copy wins when it is newer than the server's and never reached it.
    const useKept = !!kept && !submitted && (offline || (!kept.synced && kept.changedAt > serverAt));
    batch(() => {
      data.value = q;
      // Only answers this version shows (a copy kept on the device may predate a new version).
      answers.value = dropHiddenAnswers(q.version.content, useKept ? kept.answers : q.answers);
      changedAt = useKept ? kept.changedAt : serverAt;
      submittedBy.value = kept?.submittedBy ?? q.receipt?.submittedBy ?? '';
      submitKey = (!submitted && kept?.submitKey) || '';
      receipt.value = submitted ? q.receipt : null;
      page.value = Math.min(kept?.page ?? 0, q.version.content.sections.length);
      phase.value = submitted
        ? 'receipt'
        : !q.writable
          ? 'error'
          : page.value >= q.version.content.sections.length
            ? 'review'
            : 'form';
      // Not writable: each reason has its page, with the date that matters.
      if (!submitted && !q.writable) {
        const reason = q.closedReason ?? null;
        errorCode.value =
          reason === 'NOT_OPEN_YET'
            ? 'SURVEY_NOT_OPEN'
            : reason === 'CLOSED'
              ? 'SURVEY_CLOSED'
              : reason === 'DEADLINE_PASSED' || (q.deadline && Date.parse(q.deadline) < Date.now())
                ? 'DEADLINE_PASSED'
                : 'NOT_WRITABLE';
        errorDate.value =
          errorCode.value === 'SURVEY_NOT_OPEN' ? q.opensAt : errorCode.value === 'DEADLINE_PASSED' ? q.deadline : null;
      }
      saveState.value = useKept && !kept.synced ? 'saving' : serverAt ? 'saved' : 'idle';
    });
    if (submitted) void idbDelete(token);
    else keep({ synced: !useKept || kept.synced });
    if (useKept && !kept.synced && !offline) void saveNow();
  }

  /** Checks the current page; moves on only when it has no problem. Returns the key to focus otherwise. */
  function leavePage(to: number): string | null {
    if (to > page.value) {
      checked.add(page.value);
      recheck();
      const first = sections.value[page.value]?.questions.find((q) => errors.value[q.key]);
      if (first) return first.key;
    }
    batch(() => {
      page.value = to;
      phase.value = to >= content.value.sections.length ? 'review' : 'form';
    });
    keep();
    return null;
  }

  function goTo(index: number) {
    batch(() => {
      page.value = index;
      phase.value = 'form';
    });
    keep();
  }

  /** Submits (or amends). Returns the key of the first question to fix, or '$by' for the name, or null. */
  async function submit(): Promise<string | null> {
    submitError.value = '';
    for (let i = 0; i < content.value.sections.length; i++) checked.add(i);
    recheck();
    const by = submittedBy.value.trim();
    if (!by) errors.value = { ...errors.value, $by: t(lang.value, 'submittedByRequired') };
    const first = firstProblem();
    if (first) return first;
    submitKey ||= newKey();
    keep();
    submitting.value = true;
    try {
      const amend = amending.value;
      const result = await api<{ submitResponse?: Receipt; amendResponse?: Receipt }>(amend ? AMEND : SUBMIT, {
        t: token,
        a: dropHiddenAnswers(content.value, answers.value),
        by,
        k: submitKey,
      });
      const r = (result.submitResponse ?? result.amendResponse)!;
      clearTimeout(timer);
      submitKey = '';
      void idbDelete(token);
      batch(() => {
        receipt.value = r;
        amending.value = false;
        phase.value = 'receipt';
        saveState.value = 'idle';
      });
      // Whether it may still be amended, and until when.
      void api<{ questionnaire: Questionnaire }>(QUESTIONNAIRE, { t: token })
        .then((d) => {
          data.value = d.questionnaire;
        })
        .catch(() => undefined);
      return null;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const server: Record<string, string> = {};
      for (const p of error.problems) {
        const key = p.extensions?.questionKey ?? (p.extensions?.field === 'submittedBy' ? '$by' : undefined);
        if (!key) continue;
        // The server runs the same rules: say it in the form's language; otherwise its own bilingual "vi / en" text.
        const code = p.extensions?.code as AnswerProblem['code'];
        server[key] ??= (answerProblemCodes as readonly string[]).includes(code)
          ? problemMessage({ code, params: p.extensions?.params }, lang.value)
          : (p.message.split(' / ')[lang.value === 'vi' ? 0 : 1] ?? p.message);
      }
      if (Object.keys(server).length > 0) {
        serverErrors = server;
        recheck();
        const first = firstProblem();
        if (first) return first;
      }
      if (error.codes.some((c) => goneCodes.includes(c))) {
        await load();
        return null;
      }
      submitError.value = error.offline
        ? t(lang.value, 'submitOffline')
        : t(lang.value, 'submitFailed', { code: error.codes[0] ?? '' });
      return '$submit';
    } finally {
      submitting.value = false;
    }
  }

  /** The first question with a problem (turning to its page), or '$by'. */
  function firstProblem(): string | null {
    for (const s of sections.value) {
      const q = s.questions.find((x: Question) => errors.value[x.key]);
      if (q) {
        goTo(s.index);
        return q.key;
      }
    }
    return errors.value.$by ? '$by' : null;
  }

  function setSubmittedBy(value: string) {
    submittedBy.value = value;
    delete serverErrors.$by;
    if (errors.value.$by) {
      const { $by: _, ...rest } = errors.value;
      errors.value = rest;
    }
    keep();
  }

  function startAmend() {
    batch(() => {
      amending.value = true;
      answers.value = data.value?.answers ?? answers.value;
      receipt.value = null;
      page.value = 0;
      phase.value = 'form';
      errors.value = {};
    });
    serverErrors = {};
    checked.clear();
  }

  function cancelAmend() {
    void load().then(() => {
      amending.value = false;
    });
  }

  function attach() {
    addEventListener('online', onOnline);
    void load();
  }

  function detach() {
    removeEventListener('online', onOnline);
    clearTimeout(timer);
    stopRetrying();
  }

  return {
    lang,
    phase,
    errorCode,
    errorDate,
    data,
    answers,
    page,
    errors,
    raw,
    saveState,
    submittedBy,
    submitError,
    submitting,
    amending,
    receipt,
    sections,
    visible,
    setAnswer,
    setRaw,
    setSubmittedBy,
    leavePage,
    goTo,
    submit,
    startAmend,
    cancelAmend,
    attach,
    detach,
    load,
    keep: () => keep(),
  };
}
