import { useEffect, useRef } from 'preact/hooks';
import { answerText, QuestionView } from './questions.tsx';
import type { Store } from './state.ts';
import { errorText, formatDateTime, formatLongDateTime, type Lang, t } from './strings.ts';

type Props = { s: Store };

/** Moves focus inside this form's shadow root (or document) after the next render. */
function useFocus(root: { current: HTMLElement | null }) {
  return (key: string | null) => {
    if (!key) return;
    requestAnimationFrame(() => {
      const scope = root.current;
      if (!scope) return;
      const target =
        key === 'heading'
          ? scope.querySelector<HTMLElement>('h2')
          : key === '$by'
            ? scope.querySelector<HTMLElement>('#i-by')
            : key === '$submit'
              ? scope.querySelector<HTMLElement>('#submit-error')
              : scope.querySelector<HTMLElement>(`#q-${key} [aria-invalid], #q-${key} input, #q-${key} textarea`);
      target?.focus();
      target?.scrollIntoView?.({ block: 'center' });
    });
  };
}

/**
 * Prints the receipt. On the standalone page the whole page is the form (its print CSS hides the
 * buttons). Embedded, `print()` would print the host's whole portal: print instead a blank frame
 * holding only a copy of the form (title, unit, receipt, answers) in a shadow root with our CSS.
 */
function printReceipt(form: HTMLElement | null, title: string) {
  const root = form?.getRootNode();
  if (!form || !(root instanceof ShadowRoot) || root.host.hasAttribute('page')) {
    print();
    return;
  }
  document.querySelector('iframe[data-diemcau-print]')?.remove();
  const frame = document.createElement('iframe');
  frame.setAttribute('data-diemcau-print', '');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;left:0;bottom:0;width:0;height:0;border:0';
  document.body.append(frame);
  const win = frame.contentWindow;
  if (!win) return print();
  const doc = win.document;
  // A standards-mode shell; the content goes in as nodes, never as markup.
  doc.open();
  doc.write('<!doctype html><html><head><meta charset="utf-8"><title></title></head><body></body></html>');
  doc.close();
  doc.title = title;
  doc.documentElement.lang = form.lang;
  const shadow = doc.body.appendChild(doc.createElement('div')).attachShadow({ mode: 'open' });
  for (const style of root.querySelectorAll('style')) shadow.append(doc.importNode(style, true));
  shadow.append(doc.importNode(form, true));
  win.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0));
  win.focus();
  win.print();
}

function LanguageSwitch({ s }: Props) {
  const lang = s.lang.value;
  return (
    <fieldset class="lang">
      <legend class="sr">{lang === 'vi' ? 'Ngôn ngữ' : 'Language'}</legend>
      {(['vi', 'en'] as Lang[]).map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => (s.lang.value = l)}>
          {l === 'vi' ? 'Tiếng Việt' : 'English'}
        </button>
      ))}
    </fieldset>
  );
}

function SaveStatus({ s }: Props) {
  const state = s.saveState.value;
  const lang = s.lang.value;
  const text =
    state === 'saved'
      ? t(lang, 'saved')
      : state === 'saving'
        ? t(lang, 'saving')
        : state === 'offline'
          ? t(lang, 'offline')
          : state === 'failed'
            ? t(lang, 'saveFailed')
            : '';
  return (
    <p class={`save ${state}`} role="status" data-testid="save-status">
      {text}
    </p>
  );
}

function Header({ s }: Props) {
  const d = s.data.value;
  const lang = s.lang.value;
  return (
    <div class="head">
      <div class="bar">
        <LanguageSwitch s={s} />
        {(s.phase.value === 'form' || s.phase.value === 'review') && <SaveStatus s={s} />}
      </div>
      {d && (
        <>
          <h1 lang="vi">{d.title}</h1>
          <dl class="meta">
            <div>
              <dt>{t(lang, 'unit')}</dt>
              <dd lang="vi">{d.unit.pathNames.length > 1 ? d.unit.pathNames.join(' › ') : d.unit.name}</dd>
            </div>
            {d.deadline && (
              <div>
                <dt>{t(lang, 'deadline')}</dt>
                <dd>{formatDateTime(lang, d.deadline)}</dd>
              </div>
            )}
            {d.document && (
              <div>
                <dt>{t(lang, 'document')}</dt>
                <dd>{d.document.code}</dd>
              </div>
            )}
          </dl>
        </>
      )}
    </div>
  );
}

function Progress({ s }: Props) {
  const lang = s.lang.value;
  const sections = s.sections.value;
  const total = sections.length + 1;
  const current = s.phase.value === 'review' ? total : s.page.value + 1;
  return (
    <nav class="steps" aria-label={t(lang, 'progress')}>
      <p>{t(lang, 'step', { n: current, total })}</p>
      <ol>
        {sections.map((x) => (
          <li
            key={x.section.key}
            aria-current={x.index + 1 === current ? 'step' : undefined}
            class={x.index + 1 < current ? 'done' : ''}
          >
            <span class="sr">{lang === 'en' && x.section.titleEn ? x.section.titleEn : x.section.title}</span>
          </li>
        ))}
        <li aria-current={current === total ? 'step' : undefined}>
          <span class="sr">{t(lang, 'review')}</span>
        </li>
      </ol>
    </nav>
  );
}

function SectionPage({ s, focus }: Props & { focus: (key: string | null) => void }) {
  const lang = s.lang.value;
  const x = s.sections.value[s.page.value];
  if (!x) return null;
  const d = s.data.value!;
  const last = s.page.value === s.sections.value.length - 1;
  const go = (to: number) => {
    const problem = s.leavePage(to);
    focus(problem ?? 'heading');
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        go(s.page.value + 1);
      }}
    >
      {s.amending.value && <p class="note">{t(lang, 'amending')}</p>}
      {s.page.value === 0 && (
        <div class="intro">
          {d.description && <p lang="vi">{d.description}</p>}
          {d.instructions && <p lang="vi">{d.instructions}</p>}
          <p>{t(lang, 'requiredNote')}</p>
        </div>
      )}
      <h2 tabIndex={-1}>{lang === 'en' && x.section.titleEn ? x.section.titleEn : x.section.title}</h2>
      {x.section.description && (
        <p>{lang === 'en' && x.section.descriptionEn ? x.section.descriptionEn : x.section.description}</p>
      )}
      {x.questions.map((q) => (
        <QuestionView key={q.key} q={q} s={s} />
      ))}
      <div class="nav">
        {s.page.value > 0 && (
          <button type="button" class="secondary" onClick={() => go(s.page.value - 1)}>
            {t(lang, 'back')}
          </button>
        )}
        <button type="submit">{t(lang, last ? 'toReview' : 'next')}</button>
      </div>
    </form>
  );
}

function Answers({ s, edit }: Props & { edit?: (index: number) => void }) {
  const lang = s.lang.value;
  const answers = s.answers.value;
  return (
    <>
      {s.sections.value.map((x) => {
        const title = lang === 'en' && x.section.titleEn ? x.section.titleEn : x.section.title;
        return (
          <section class="answers" key={x.section.key} aria-label={title}>
            <h3>{title}</h3>
            <dl>
              {x.questions.map((q) => {
                const text = answerText(q, answers[q.key], lang);
                return (
                  <div key={q.key} class={s.errors.value[q.key] ? 'invalid' : ''}>
                    <dt>{lang === 'en' && q.labelEn ? q.labelEn : q.label}</dt>
                    <dd class={text ? '' : 'muted'}>{text || t(lang, 'notAnswered')}</dd>
                  </div>
                );
              })}
            </dl>
            {edit && (
              <button
                type="button"
                class="link"
                onClick={() => edit(x.index)}
                aria-label={t(lang, 'editSection', { s: title })}
              >
                {t(lang, 'edit')}
              </button>
            )}
          </section>
        );
      })}
    </>
  );
}

function ReviewPage({ s, focus }: Props & { focus: (key: string | null) => void }) {
  const lang = s.lang.value;
  const byError = s.errors.value.$by;
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!s.submitting.value) focus(await s.submit());
      }}
    >
      <h2 tabIndex={-1}>{t(lang, 'review')}</h2>
      <Answers
        s={s}
        edit={(i) => {
          s.goTo(i);
          focus('heading');
        }}
      />
      <div class={`q${byError ? ' invalid' : ''}`}>
        <label for="i-by">
          {t(lang, 'submittedBy')}
          <span class="req" aria-hidden="true">
            {' *'}
          </span>
          <span class="sr"> {t(lang, 'required')}</span>
        </label>
        <input
          id="i-by"
          type="text"
          autoComplete="name"
          maxLength={200}
          value={s.submittedBy.value}
          aria-required="true"
          aria-invalid={byError ? true : undefined}
          aria-describedby={byError ? 'e-by' : undefined}
          onInput={(e) => s.setSubmittedBy(e.currentTarget.value)}
        />
        {byError && (
          <p class="err" id="e-by">
            {byError}
          </p>
        )}
      </div>
      {s.submitError.value && (
        <p class="err box" id="submit-error" tabIndex={-1} role="alert">
          {s.submitError.value}
        </p>
      )}
      <div class="nav">
        <button
          type="button"
          class="secondary"
          onClick={() => {
            s.goTo(s.sections.value.length - 1);
            focus('heading');
          }}
        >
          {t(lang, 'back')}
        </button>
        <button type="submit" disabled={s.submitting.value}>
          {s.submitting.value ? t(lang, 'submitting') : t(lang, s.amending.value ? 'submitAmend' : 'submit')}
        </button>
      </div>
      {s.amending.value && (
        <button type="button" class="link" onClick={() => s.cancelAmend()}>
          {t(lang, 'cancelAmend')}
        </button>
      )}
    </form>
  );
}

function ReceiptPage({
  s,
  focus,
  form,
}: Props & { focus: (key: string | null) => void; form: { current: HTMLElement | null } }) {
  const lang = s.lang.value;
  const r = s.receipt.value!;
  const d = s.data.value!;
  return (
    <div class="receipt">
      <h2 tabIndex={-1}>{t(lang, r.amendment ? 'amendedTitle' : 'receiptTitle')}</h2>
      <dl class="meta big" data-testid="receipt">
        <div>
          <dt>{t(lang, 'receiptNumber')}</dt>
          <dd data-testid="receipt-number">{r.number}</dd>
        </div>
        <div>
          <dt>{t(lang, 'receiptTime')}</dt>
          <dd>{formatDateTime(lang, r.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t(lang, 'receiptBy')}</dt>
          <dd>{r.submittedBy}</dd>
        </div>
      </dl>
      {d.canAmend && d.deadline && <p>{t(lang, 'amendUntil', { d: formatDateTime(lang, d.deadline) })}</p>}
      {!d.writable && <p>{t(lang, d.closedReason === 'DEADLINE_PASSED' ? 'pastDeadlineNote' : 'closedNote')}</p>}
      <div class="nav noprint">
        <button type="button" class="secondary" onClick={() => printReceipt(form.current, d.title)}>
          {t(lang, 'print')}
        </button>
        {d.canAmend && (
          <button
            type="button"
            onClick={() => {
              s.startAmend();
              focus('heading');
            }}
          >
            {t(lang, 'amend')}
          </button>
        )}
      </div>
      <h2 class="sub">{t(lang, 'yourAnswers')}</h2>
      <Answers s={s} />
    </div>
  );
}

function ErrorPage({ s, focus }: Props & { focus: boolean }) {
  const lang = s.lang.value;
  const code = s.errorCode.value;
  const date = s.errorDate.value;
  const [title, text] = errorText(lang, code);
  const heading = useRef<HTMLHeadingElement>(null);
  // Replacing a form the unit was filling in (link revoked, survey closed meanwhile): say so at once.
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus, code]);
  const dateNote =
    date && code === 'SURVEY_NOT_OPEN'
      ? t(lang, 'opensAtNote', { d: formatLongDateTime(lang, date) })
      : date && code === 'DEADLINE_PASSED'
        ? t(lang, 'deadlineWasNote', { d: formatLongDateTime(lang, date) })
        : '';
  return (
    <div class="problem" data-testid="error-page" data-code={code}>
      <h2 tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <p>{text}</p>
      {dateNote && <p data-testid="error-date">{dateNote}</p>}
      {(code === 'NETWORK_ERROR' || code === 'ERROR') && (
        <button type="button" onClick={() => void s.load()}>
          {t(lang, 'retry')}
        </button>
      )}
    </div>
  );
}

export function SurveyApp({ s }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const focus = useFocus(root);
  useEffect(() => {
    s.attach();
    return () => s.detach();
  }, [s]);
  const phase = s.phase.value;
  const lang = s.lang.value;
  // Whether the unit has seen the form: an error page that replaces it takes the focus.
  const shown = useRef(false);
  const replacing = phase === 'error' && shown.current;
  if (phase === 'form' || phase === 'review' || phase === 'receipt') shown.current = true;
  return (
    <div class="survey" lang={lang} ref={root}>
      <Header s={s} />
      <div class="body">
        {phase === 'loading' && (
          <p role="status" class="muted">
            {t(lang, 'loading')}
          </p>
        )}
        {phase === 'error' && <ErrorPage s={s} focus={replacing} />}
        {(phase === 'form' || phase === 'review') && <Progress s={s} />}
        {phase === 'form' && <SectionPage s={s} focus={focus} />}
        {phase === 'review' && <ReviewPage s={s} focus={focus} />}
        {phase === 'receipt' && <ReceiptPage s={s} focus={focus} form={root} />}
      </div>
    </div>
  );
}
