import {
  type ContentProblem,
  type QuestionnaireContent,
  type QuestionType,
  questionTypes,
  validateContent,
} from '@diemcau/schema';
import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { ConfirmDialog } from '../components/dialog.tsx';
import { TextField } from '../components/field.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { request } from '../lib/graphql.ts';
import { language } from '../lib/i18n.ts';
import {
  duplicateQuestion,
  type EContent,
  type EIndicator,
  type ESection,
  findQuestion,
  fromContent,
  move,
  moveQuestion,
  newIndicator,
  newQuestion,
  newSection,
  numberQuestions,
  questionKeys,
  toContent,
} from './builder-model.ts';
import { contentProblemText, problemPlace } from './content-problems.ts';
import { updateSurveyMutation } from './documents.ts';
import { type PreviewMeta, SurveyPreview } from './preview.tsx';
import { PublishDialog } from './publish-dialog.tsx';
import { QuestionCard } from './question-editor.tsx';
import { type Edge, useDropZone, useSortable } from './sortable.ts';
import { s } from './strings.ts';
import { downloadText, errorMessages, type OrganizerSurvey, SurveyFrame, useSurvey } from './survey-common.tsx';

type Problem = ContentProblem & { text: string; place: string };

/** The element a problem's path points at, so "go to" can open its question and focus the field. */
function targetOf(path: string, model: EContent): { questionId?: string; elementId: string } | null {
  const m = /^sections\[(\d+)\](?:\.questions\[(\d+)\](?:\.(options|rows)\[(\d+)\])?)?\.?(\w+)?/.exec(path);
  const ind = /^indicators\[(\d+)\]\.?(\w+)?/.exec(path);
  if (ind) {
    const indicator = model.indicators[Number(ind[1])];
    return indicator ? { elementId: `${indicator.$id}-${ind[2] === 'label' ? 'label' : 'key'}` } : null;
  }
  if (!m) return null;
  const section = model.sections[Number(m[1])];
  if (!section) return null;
  if (m[2] === undefined) return { elementId: `${section.$id}-${m[5] === 'key' ? 'key' : 'title'}` };
  const q = section.questions[Number(m[2])];
  if (!q) return null;
  if (m[3]) {
    const list = m[3] === 'options' ? q.options : q.rows;
    const item = list?.[Number(m[4])];
    const kind = m[3] === 'options' ? 'option' : 'row';
    return {
      questionId: q.$id,
      elementId: item ? `${q.$id}-${kind}-${item.$id}-${m[5] ?? 'label'}` : `${q.$id}-label`,
    };
  }
  const field = m[5] ?? 'label';
  const known: Record<string, string> = {
    visibleIf: 'cond-0-q',
    scale: 'points',
    minSelections: 'minSel',
    maxSelections: 'maxSel',
    options: 'label',
    rows: 'label',
  };
  return { questionId: q.$id, elementId: `${q.$id}-${known[field] ?? field}` };
}

function fileOf(survey: OrganizerSurvey, content: QuestionnaireContent): string {
  const file = {
    format: 'diemcau.survey',
    formatVersion: 1,
    title: survey.title,
    description: survey.description,
    instructions: survey.instructions,
    document: survey.document,
    reviewKind: survey.reviewKind,
    opensAt: survey.opensAt ?? null,
    closesAt: survey.closesAt ?? null,
    allowAmend: survey.allowAmend,
    content,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A questionnaire from a file: a whole `diemcau.survey` file, or just `{ sections: [...] }`. */
function contentFromFile(text: string): QuestionnaireContent {
  const data = JSON.parse(text) as { format?: string; content?: unknown; sections?: unknown };
  const content = data.format === 'diemcau.survey' ? data.content : data;
  if (!content || typeof content !== 'object' || !Array.isArray((content as { sections?: unknown }).sections)) {
    throw new Error('no sections');
  }
  return content as QuestionnaireContent;
}

function SectionCard({
  section,
  index,
  count,
  readOnly,
  errors,
  children,
  onChange,
  onMove,
  onDropSection,
  onDropQuestion,
  onRemove,
}: {
  section: ESection;
  index: number;
  count: number;
  readOnly: boolean;
  errors: (path: string) => string | undefined;
  children: preact.ComponentChildren;
  onChange: (section: ESection) => void;
  onMove: (to: number) => void;
  onDropSection: (sourceId: string, edge: Edge) => void;
  onDropQuestion: (sourceId: string) => void;
  onRemove: () => void;
}) {
  const card = useRef<HTMLElement>(null);
  const handle = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const en = language.value === 'en';
  const title = (en && section.titleEn) || section.title || section.key;
  const { over } = useSortable(
    card,
    handle,
    { kind: 'section', id: section.$id, list: 'sections' },
    (source) => source.kind === 'section' && !readOnly,
    (source, edge) => onDropSection(source.id, edge),
  );
  const overList = useDropZone(
    list,
    (source) => source.kind === 'question' && !readOnly && section.questions.length === 0,
    (source) => onDropQuestion(source.id),
  );
  const p = `sections[${index}]`;
  const set = (patch: Partial<ESection>) => onChange({ ...section, ...patch });
  const sectionError = errors(`${p}.questions`);
  return (
    <section
      ref={card}
      class="card section-card"
      aria-labelledby={`${section.$id}-heading`}
      data-over={over ?? undefined}
      data-testid={`section-${index}`}
    >
      <div class="section-head">
        <button
          type="button"
          ref={handle}
          class="drag-handle"
          disabled={readOnly}
          aria-label={s('b.sectionHandle', { n: index + 1, name: title })}
          aria-describedby="builder-handle-help"
          onKeyDown={(ev) => {
            if (ev.key === 'ArrowUp' && index > 0) {
              ev.preventDefault();
              onMove(index - 1);
            }
            if (ev.key === 'ArrowDown' && index < count - 1) {
              ev.preventDefault();
              onMove(index + 1);
            }
          }}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <h2 id={`${section.$id}-heading`}>{s('b.sectionN', { n: index + 1, title: title || '…' })}</h2>
      </div>
      <fieldset class="section-fields" disabled={readOnly}>
        <legend class="sr-only">{s('b.sectionN', { n: index + 1, title })}</legend>
        <div class="field-grid">
          <TextField
            id={`${section.$id}-title`}
            label={s('b.sectionTitle')}
            value={section.title}
            error={errors(`${p}.title`)}
            onValue={(v) => set({ title: v })}
          />
          <TextField
            id={`${section.$id}-key`}
            label={s('b.key')}
            class="mono"
            spellcheck={false}
            value={section.key}
            error={errors(`${p}.key`)}
            onValue={(v) => set({ key: v.trim() })}
          />
        </div>
        <details class="details-more">
          <summary>{s('b.sectionMore')}</summary>
          <div class="field-grid">
            <TextField
              id={`${section.$id}-titleEn`}
              label={s('b.sectionTitleEn')}
              lang="en"
              value={section.titleEn ?? ''}
              onValue={(v) => set({ titleEn: v || undefined })}
            />
            <TextField
              id={`${section.$id}-description`}
              label={s('b.sectionDescription')}
              value={section.description ?? ''}
              onValue={(v) => set({ description: v || undefined })}
            />
            <TextField
              id={`${section.$id}-descriptionEn`}
              label={s('b.sectionDescriptionEn')}
              lang="en"
              value={section.descriptionEn ?? ''}
              onValue={(v) => set({ descriptionEn: v || undefined })}
            />
          </div>
        </details>
      </fieldset>
      <div ref={list} class="question-list" data-over={overList ? 'true' : undefined}>
        {sectionError && <p class="field-error">{sectionError}</p>}
        {section.questions.length === 0 ? (
          <p class="muted empty-section">{s('b.emptySection')}</p>
        ) : (
          <ol class="q-list">{children}</ol>
        )}
      </div>
      {!readOnly && (
        <div class="actions section-actions">
          <button type="button" class="button button--quiet" disabled={index === 0} onClick={() => onMove(index - 1)}>
            {s('b.sectionUp')}
            <span class="sr-only">: {title}</span>
          </button>
          <button
            type="button"
            class="button button--quiet"
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            {s('b.sectionDown')}
            <span class="sr-only">: {title}</span>
          </button>
          <button type="button" class="button button--quiet" onClick={onRemove} data-testid="remove-section">
            {s('b.removeSection')}
            <span class="sr-only">: {title}</span>
          </button>
        </div>
      )}
    </section>
  );
}

function AddQuestion({ sectionId, onAdd }: { sectionId: string; onAdd: (type: QuestionType) => void }) {
  const type = useSignal<QuestionType>('single_choice');
  return (
    <div class="add-question">
      <label for={`${sectionId}-new-type`}>{s('b.newType')}</label>
      <div class="input-row">
        <select
          id={`${sectionId}-new-type`}
          value={type.value}
          onChange={(e) => (type.value = e.currentTarget.value as QuestionType)}
          data-testid="new-question-type"
        >
          {questionTypes.map((t) => (
            <option key={t} value={t}>
              {s(`qtype.${t}`)}
            </option>
          ))}
        </select>
        <button type="button" class="button" onClick={() => onAdd(type.value)} data-testid="add-question">
          {s('b.addQuestion')}
        </button>
      </div>
    </div>
  );
}

function IndicatorsCard({
  model,
  readOnly,
  errors,
  onChange,
}: {
  model: EContent;
  readOnly: boolean;
  errors: (path: string) => string | undefined;
  onChange: (indicators: EIndicator[]) => void;
}) {
  const numbers = numberQuestions(model);
  const set = (i: number, patch: Partial<EIndicator>) =>
    onChange(model.indicators.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <section class="card" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{s('b.indicators')}</h2>
      <p class="field-hint">{s('b.indicatorsHint')}</p>
      <fieldset class="section-fields" disabled={readOnly}>
        <legend class="sr-only">{s('b.indicators')}</legend>
        {model.indicators.map((ind, i) => {
          const p = `indicators[${i}]`;
          return (
            <div class="indicator-editor" key={ind.$id} data-testid={`indicator-${i}`}>
              <div class="field-grid">
                <TextField
                  id={`${ind.$id}-label`}
                  label={s('b.indicatorLabel', { n: i + 1 })}
                  value={ind.label}
                  error={errors(`${p}.label`)}
                  onValue={(v) => set(i, { label: v })}
                />
                <TextField
                  id={`${ind.$id}-key`}
                  label={s('b.key')}
                  class="mono"
                  value={ind.key}
                  error={errors(`${p}.key`)}
                  onValue={(v) => set(i, { key: v.trim() })}
                />
                <TextField
                  id={`${ind.$id}-labelEn`}
                  label={s('b.labelEn')}
                  lang="en"
                  value={ind.labelEn ?? ''}
                  onValue={(v) => set(i, { labelEn: v || undefined })}
                />
              </div>
              {(['numerator', 'denominator'] as const).map((part) => (
                <fieldset
                  class="fieldset"
                  key={part}
                  aria-describedby={errors(`${p}.${part}`) ? `${ind.$id}-${part}-error` : undefined}
                >
                  <legend>{s(part === 'numerator' ? 'b.numerator' : 'b.denominator')}</legend>
                  {errors(`${p}.${part}`) && (
                    <p class="field-error" id={`${ind.$id}-${part}-error`}>
                      {errors(`${p}.${part}`)}
                    </p>
                  )}
                  {numbers.length === 0 && <p class="field-hint">{s('b.noNumberQuestions')}</p>}
                  {numbers.map((q) => (
                    <label class="checkbox" key={q.$id}>
                      <input
                        type="checkbox"
                        checked={ind[part].includes(q.key)}
                        onChange={(e) =>
                          set(i, {
                            [part]: e.currentTarget.checked
                              ? [...ind[part], q.key]
                              : ind[part].filter((k) => k !== q.key),
                          })
                        }
                      />
                      <span>
                        <span class="mono">{q.key}</span> — {q.label}
                      </span>
                    </label>
                  ))}
                </fieldset>
              ))}
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={ind.percent !== false}
                  onChange={(e) => set(i, { percent: e.currentTarget.checked })}
                />
                {s('b.percent')}
              </label>
              <button
                type="button"
                class="button button--quiet"
                onClick={() => onChange(model.indicators.filter((_, j) => j !== i))}
              >
                {s('b.removeIndicator')}
                <span class="sr-only">: {ind.label || ind.key}</span>
              </button>
            </div>
          );
        })}
        <button type="button" class="button" onClick={() => onChange([...model.indicators, newIndicator(model)])}>
          {s('b.addIndicator')}
        </button>
      </fieldset>
    </section>
  );
}

function Builder({ survey, reload }: { survey: OrganizerSurvey; reload: () => Promise<void> }) {
  const readOnly = survey.status === 'CLOSED' || survey.status === 'ARCHIVED';
  const published = survey.currentVersion?.content as unknown as QuestionnaireContent | undefined;
  const start =
    survey.status === 'DRAFT' ? survey.draftContent : (survey.currentVersion?.content ?? survey.draftContent);
  const model = useSignal<EContent>(useMemo(() => fromContent(start), []));
  const savedJson = useSignal(useMemo(() => JSON.stringify(toContent(fromContent(start))), []));
  const openIds = useSignal<ReadonlySet<string>>(new Set());
  const auto = useSignal<ReadonlySet<string>>(new Set());
  const announce = useSignal('');
  const notice = useSignal<NoticeValue>(null);
  const saving = useSignal(false);
  const view = useSignal<'edit' | 'preview'>('edit');
  const previewContent = useSignal<QuestionnaireContent>(toContent(model.peek()));
  const resetKey = useSignal(0);
  const dialog = useSignal<'publish' | 'import' | null>(null);
  const pendingImport = useSignal<QuestionnaireContent | null>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const m = model.value;
  const content = useMemo(() => toContent(m), [m]);
  const json = useMemo(() => JSON.stringify(content), [content]);
  const dirty = json !== savedJson.value;
  const problems: Problem[] = useMemo(
    () =>
      validateContent(content).map((p) => ({
        ...p,
        text: contentProblemText(p),
        place: problemPlace(p.path, content),
      })),
    [content, language.value],
  );
  const byPath = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of problems) if (!map.has(p.path)) map.set(p.path, p.text);
    return map;
  }, [problems]);
  const errors = (path: string) => byPath.get(path);
  const countUnder = (prefix: string) => problems.filter((p) => p.path.startsWith(`${prefix}.`)).length;
  const publishedTypes = useMemo(
    () => new Map((published?.sections ?? []).flatMap((sec) => sec.questions.map((q) => [q.key, q.type] as const))),
    [published],
  );
  const keys = questionKeys(m);

  // The preview follows the draft a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => {
      previewContent.value = content;
    }, 300);
    return () => clearTimeout(timer);
  }, [content]);

  // Leaving the page with changes not saved asks first (closing the tab, or a link inside the app).
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.('a[href]');
      if (!link || (link as HTMLAnchorElement).target || (link as HTMLAnchorElement).origin !== location.origin) return;
      if (!confirm(s('b.leaveUnsaved'))) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    addEventListener('beforeunload', beforeUnload);
    addEventListener('click', onClick, true);
    return () => {
      removeEventListener('beforeunload', beforeUnload);
      removeEventListener('click', onClick, true);
    };
  }, [dirty]);

  const update = (next: EContent) => {
    model.value = next;
  };
  const setOpen = (id: string, open: boolean) => {
    const next = new Set(openIds.value);
    if (open) next.add(id);
    else next.delete(id);
    openIds.value = next;
  };
  const setAuto = (id: string, on: boolean) => {
    if (auto.value.has(id) === on) return;
    const next = new Set(auto.value);
    if (on) next.add(id);
    else next.delete(id);
    auto.value = next;
  };
  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
  const focusHandle = (qid: string) =>
    setTimeout(() => document.querySelector<HTMLElement>(`[data-handle="${qid}"]`)?.focus(), 0);

  const moveTo = (qid: string, section: number, index: number) => {
    const next = moveQuestion(model.value, qid, { section, question: index });
    update(next);
    const at = findQuestion(next, qid);
    const q = at && next.sections[at.section]!.questions[at.question]!;
    if (at && q) {
      announce.value = s('b.moved', {
        name: q.label || q.key,
        n: at.question + 1,
        total: next.sections[at.section]!.questions.length,
        section: next.sections[at.section]!.title || String(at.section + 1),
      });
    }
    focusHandle(qid);
  };
  const dropOn = (targetId: string, sourceId: string, edge: Edge) => {
    const from = findQuestion(model.value, sourceId);
    const to = findQuestion(model.value, targetId);
    if (!from || !to) return;
    let index = to.question + (edge === 'after' ? 1 : 0);
    // Counted without the dragged question, which leaves its place first.
    if (from.section === to.section && from.question < index) index -= 1;
    moveTo(sourceId, to.section, index);
  };
  const moveSection = (from: number, to: number) => {
    const sections = move(model.value.sections, from, to);
    update({ ...model.value, sections });
    const moved = sections[to]!;
    announce.value = s('b.sectionMoved', { name: moved.title || moved.key, n: to + 1, total: sections.length });
    setTimeout(() => document.querySelector<HTMLElement>(`[data-testid="section-${to}"] .drag-handle`)?.focus(), 0);
  };

  const goTo = (p: Problem) => {
    const target = targetOf(p.path, model.value);
    if (!target) return;
    if (target.questionId) setOpen(target.questionId, true);
    view.value = 'edit';
    setTimeout(() => {
      const el =
        document.getElementById(target.elementId) ??
        document.querySelector<HTMLElement>(`[data-qid="${target.questionId}"] button`);
      el?.focus();
      el?.scrollIntoView?.({ block: 'center' });
    }, 0);
  };

  const save = async (): Promise<boolean> => {
    saving.value = true;
    try {
      await request(updateSurveyMutation, {
        input: { id: survey.id, content: content as unknown as Record<string, unknown> },
      });
      savedJson.value = json;
      notice.value = { kind: 'success', text: () => s('b.saved') };
      await reload();
      return true;
    } catch (error) {
      const messages = errorMessages(error);
      notice.value = { kind: 'error', text: () => messages.join(' · ') };
      setTimeout(() => noticeRef.current?.focus(), 0);
      return false;
    } finally {
      saving.value = false;
    }
  };

  const openPublish = async () => {
    if (survey.status === 'DRAFT' && dirty && !(await save())) return;
    dialog.value = 'publish';
  };

  const readImport = async (file: File) => {
    try {
      const imported = contentFromFile(await file.text());
      if (model.value.sections.some((sec) => sec.questions.length > 0)) {
        pendingImport.value = imported;
        dialog.value = 'import';
      } else applyImport(imported);
    } catch {
      notice.value = { kind: 'error', text: () => s('b.importBad') };
      setTimeout(() => noticeRef.current?.focus(), 0);
    }
  };
  const applyImport = (imported: QuestionnaireContent) => {
    update(fromContent(imported));
    openIds.value = new Set();
    const n = imported.sections.reduce((k, sec) => k + (sec.questions?.length ?? 0), 0);
    notice.value = { kind: 'info', text: () => s('b.imported', { sections: imported.sections.length, questions: n }) };
  };

  const meta: PreviewMeta = useMemo(
    () => ({
      title: survey.title,
      description: survey.description,
      instructions: survey.instructions,
      deadline: survey.closesAt ?? null,
      document: survey.document ? { code: survey.document.code, title: survey.document.title ?? null } : null,
      unit: {
        code: 'XEM-TRUOC',
        name: s('b.previewUnit'),
        pathNames: [survey.ownerUnit?.name ?? '', s('b.previewUnit')].filter(Boolean),
      },
      canAmend: survey.allowAmend,
      versionNumber: survey.currentVersion?.number ?? 1,
    }),
    [survey.updatedAt, language.value],
  );

  let number = 0;
  const questionCount = m.sections.reduce((n, sec) => n + sec.questions.length, 0);
  const sectionNames = m.sections.map((sec, i) => s('b.sectionN', { n: i + 1, title: sec.title || sec.key }));
  const earlierOf = (si: number, qi: number) => [
    ...m.sections.slice(0, si).flatMap((sec) => sec.questions),
    ...(m.sections[si]?.questions.slice(0, qi) ?? []),
  ];

  return (
    <div class="builder" data-view={view.value}>
      <div class="builder-toolbar card">
        <p class="builder-state" role="status" data-testid="builder-state">
          {readOnly
            ? s('b.readOnly')
            : dirty
              ? s(survey.status === 'OPEN' ? 'b.unsavedVersion' : 'b.unsaved')
              : s(survey.status === 'OPEN' ? 'b.sameAsPublished' : 'b.allSaved')}
          {' · '}
          {s('b.counts', { sections: m.sections.length, questions: questionCount })}
        </p>
        <div class="actions">
          {survey.status === 'DRAFT' && (
            <button
              type="button"
              class="button button--primary"
              disabled={!dirty || saving.value}
              onClick={() => void save()}
              data-testid="builder-save"
            >
              {saving.value ? s('saving') : s('b.save')}
            </button>
          )}
          {(survey.status === 'DRAFT' || (survey.status === 'OPEN' && dirty)) && (
            <button type="button" class="button" onClick={() => void openPublish()} data-testid="builder-publish">
              {s(survey.status === 'OPEN' ? 'b.publishVersion' : 'publish.open', {
                n: (survey.currentVersion?.number ?? 0) + 1,
              })}
            </button>
          )}
          {!readOnly && (
            <>
              <input
                ref={importInput}
                id="builder-import"
                type="file"
                accept=".json,application/json"
                class="sr-only"
                tabIndex={-1}
                aria-hidden="true"
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  if (file) void readImport(file);
                  e.currentTarget.value = '';
                }}
                data-testid="builder-import-file"
              />
              <button type="button" class="button" onClick={() => importInput.current?.click()}>
                {s('b.import')}
              </button>
            </>
          )}
          {openIds.value.size > 0 && (
            <button type="button" class="button button--quiet" onClick={() => (openIds.value = new Set())}>
              {s('b.collapseAll')}
            </button>
          )}
          <button
            type="button"
            class="button"
            onClick={() => downloadText(`khao-sat-${survey.id}.json`, fileOf(survey, content), 'application/json')}
            data-testid="builder-export"
          >
            {s('exportJson')}
          </button>
        </div>
        <fieldset class="view-switch">
          <legend class="sr-only">{s('b.view')}</legend>
          <button type="button" aria-pressed={view.value === 'edit'} onClick={() => (view.value = 'edit')}>
            {s('b.viewEdit')}
          </button>
          <button
            type="button"
            aria-pressed={view.value === 'preview'}
            onClick={() => (view.value = 'preview')}
            data-testid="view-preview"
          >
            {s('b.viewPreview')}
          </button>
        </fieldset>
      </div>
      <Notice value={notice.value} noticeRef={noticeRef} testId="builder-notice" />
      <p class="sr-only" role="status" aria-live="polite" data-testid="builder-announce">
        {announce.value}
      </p>
      <p id="builder-handle-help" class="sr-only">
        {s('b.handleHelp')}
      </p>

      <div class="builder-grid">
        <div class="builder-edit">
          {problems.length > 0 && (
            <section class="card sv-problems" aria-labelledby="problems-title" data-testid="builder-problems">
              <h2 id="problems-title">{s('b.problems', { n: problems.length })}</h2>
              <p class="field-hint">{s('b.problemsHint')}</p>
              <ul>
                {problems.slice(0, 40).map((p, i) => (
                  <li key={i}>
                    <button type="button" class="sv-link-button" onClick={() => goTo(p)}>
                      {p.place}: {p.text}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {m.sections
            .map((section, si) => (
              <SectionCard
                key={section.$id}
                section={section}
                index={si}
                count={m.sections.length}
                readOnly={readOnly}
                errors={errors}
                onChange={(next) => update({ ...m, sections: m.sections.map((x) => (x.$id === next.$id ? next : x)) })}
                onMove={(to) => moveSection(si, to)}
                onDropSection={(sourceId, edge) => {
                  const from = m.sections.findIndex((x) => x.$id === sourceId);
                  if (from < 0) return;
                  let to = si + (edge === 'after' ? 1 : 0);
                  if (from < to) to -= 1;
                  moveSection(from, to);
                }}
                onDropQuestion={(sourceId) => moveTo(sourceId, si, 0)}
                onRemove={() => {
                  update({ ...m, sections: m.sections.filter((x) => x.$id !== section.$id) });
                  announce.value = s('b.sectionRemoved', { name: section.title || section.key });
                }}
              >
                {section.questions.map((q, qi) => {
                  number += 1;
                  const prefix = `sections[${si}].questions[${qi}]`;
                  return (
                    <QuestionCard
                      key={q.$id}
                      q={q}
                      number={number}
                      sectionIndex={si}
                      indexInSection={qi}
                      sectionCount={m.sections.length}
                      sectionLength={section.questions.length}
                      sectionNames={sectionNames}
                      prefix={prefix}
                      errors={errors}
                      problemCount={countUnder(prefix)}
                      earlier={earlierOf(si, qi)}
                      takenKeys={keys}
                      publishedType={publishedTypes.get(q.key)}
                      open={openIds.value.has(q.$id)}
                      readOnly={readOnly}
                      auto={auto.value}
                      setAuto={setAuto}
                      onToggle={() => setOpen(q.$id, !openIds.value.has(q.$id))}
                      onChange={(next) =>
                        update({
                          ...m,
                          sections: m.sections.map((x, i) =>
                            i === si ? { ...x, questions: x.questions.map((y) => (y.$id === next.$id ? next : y)) } : x,
                          ),
                        })
                      }
                      onMove={(section, index) => moveTo(q.$id, section, index)}
                      onDropOn={(sourceId, edge) => dropOn(q.$id, sourceId, edge)}
                      onDuplicate={() => {
                        const copy = duplicateQuestion(q, keys);
                        update({
                          ...m,
                          sections: m.sections.map((x, i) =>
                            i === si
                              ? {
                                  ...x,
                                  questions: [...x.questions.slice(0, qi + 1), copy, ...x.questions.slice(qi + 1)],
                                }
                              : x,
                          ),
                        });
                        setOpen(copy.$id, true);
                        focusLater(`${copy.$id}-label`);
                      }}
                      onRemove={() => {
                        update({
                          ...m,
                          sections: m.sections.map((x, i) =>
                            i === si ? { ...x, questions: x.questions.filter((y) => y.$id !== q.$id) } : x,
                          ),
                        });
                        announce.value = s('b.questionRemoved', { name: q.label || q.key });
                        setTimeout(
                          () =>
                            document
                              .querySelector<HTMLElement>(`[data-testid="section-${si}"] [data-testid="add-question"]`)
                              ?.focus(),
                          0,
                        );
                      }}
                    />
                  );
                })}
              </SectionCard>
            ))
            .flatMap((card, si) =>
              readOnly
                ? [card]
                : [
                    card,
                    <AddQuestion
                      key={`add-${m.sections[si]!.$id}`}
                      sectionId={m.sections[si]!.$id}
                      onAdd={(type) => {
                        const q = newQuestion(type, keys);
                        update({
                          ...m,
                          sections: m.sections.map((x, i) => (i === si ? { ...x, questions: [...x.questions, q] } : x)),
                        });
                        setOpen(q.$id, true);
                        setAuto(q.$id, true);
                        for (const o of q.options ?? []) setAuto(o.$id, true);
                        for (const r of q.rows ?? []) setAuto(r.$id, true);
                        focusLater(`${q.$id}-label`);
                      }}
                    />,
                  ],
            )}
          {!readOnly && (
            <button
              type="button"
              class="button"
              data-testid="add-section"
              onClick={() => {
                const section = newSection(m);
                update({ ...m, sections: [...m.sections, section] });
                focusLater(`${section.$id}-title`);
              }}
            >
              {s('b.addSection')}
            </button>
          )}
          <IndicatorsCard
            model={m}
            readOnly={readOnly}
            errors={errors}
            onChange={(indicators) => update({ ...m, indicators })}
          />
        </div>

        <aside class="builder-preview" aria-labelledby="preview-title">
          <div class="preview-head">
            <h2 id="preview-title">{s('b.preview')}</h2>
            <button
              type="button"
              class="button button--quiet"
              onClick={() => (resetKey.value += 1)}
              data-testid="preview-reset"
            >
              {s('b.previewReset')}
            </button>
          </div>
          <p class="field-hint">{s('b.previewHint')}</p>
          {previewContent.value.sections.length === 0 ? (
            <p class="muted">{s('b.previewEmpty')}</p>
          ) : (
            <SurveyPreview previewId={survey.id} meta={meta} content={previewContent.value} resetKey={resetKey.value} />
          )}
        </aside>
      </div>

      <PublishDialog
        survey={survey}
        content={content}
        open={dialog.value === 'publish'}
        onClose={() => (dialog.value = null)}
        onDone={async (message) => {
          dialog.value = null;
          savedJson.value = json;
          notice.value = { kind: 'success', text: () => message };
          await reload();
          setTimeout(() => noticeRef.current?.focus(), 0);
        }}
      />
      <ConfirmDialog
        id="import-dialog"
        open={dialog.value === 'import'}
        title={s('b.importTitle')}
        confirmLabel={s('b.importConfirm')}
        onClose={() => {
          dialog.value = null;
          pendingImport.value = null;
        }}
        onConfirm={async () => {
          if (pendingImport.value) applyImport(pendingImport.value);
        }}
      >
        <p>
          {s('b.importText', {
            sections: pendingImport.value?.sections.length ?? 0,
            questions: pendingImport.value?.sections.reduce((k, sec) => k + (sec.questions?.length ?? 0), 0) ?? 0,
          })}
        </p>
      </ConfirmDialog>
    </div>
  );
}

/** The questionnaire builder with the live preview of the respondent form. */
export function BuilderPage() {
  const { params } = useRoute();
  const state = useSurvey(params.id ?? '');
  return (
    <SurveyFrame state={state} tab="builder" wide>
      {(survey) => <Builder key={survey.id} survey={survey} reload={state.reload} />}
    </SurveyFrame>
  );
}
