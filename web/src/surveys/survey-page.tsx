import type { QuestionnaireContent } from '@diemcau/schema';
import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { ConfirmDialog } from '../components/dialog.tsx';
import { focusSoon } from '../components/field.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { request } from '../lib/graphql.ts';
import { formatDateTimeShort } from '../lib/i18n.ts';
import {
  archiveSurveyMutation,
  cloneSurveyMutation,
  closeSurveyMutation,
  exportSurveyQuery,
  updateSurveyMutation,
} from './documents.ts';
import { PublishDialog } from './publish-dialog.tsx';
import { s } from './strings.ts';
import { downloadText, type OrganizerSurvey, SurveyFrame, surveyHref, useSurvey } from './survey-common.tsx';
import { fieldsOf, SurveyForm } from './survey-form.tsx';

type Action = 'publish' | 'close' | 'archive' | 'clone' | null;

function Facts({ survey }: { survey: OrganizerSurvey }) {
  const p = survey.progress;
  const content = (survey.currentVersion?.content ?? survey.draftContent) as unknown as QuestionnaireContent;
  const questions = (content.sections ?? []).reduce((n, sec) => n + (sec.questions?.length ?? 0), 0);
  return (
    <dl class="details details--compact survey-facts" data-testid="survey-facts">
      <div>
        <dt>{s('facts.owner')}</dt>
        <dd>{survey.ownerUnit?.name ?? '—'}</dd>
      </div>
      <div>
        <dt>{s('facts.document')}</dt>
        <dd>
          {survey.document
            ? `${survey.document.code}${survey.document.title ? ` — ${survey.document.title}` : ''}`
            : '—'}
        </dd>
      </div>
      <div>
        <dt>{s('facts.review')}</dt>
        <dd>{s(`reviewKind.${survey.reviewKind}`)}</dd>
      </div>
      <div>
        <dt>{s('facts.opens')}</dt>
        <dd>{survey.opensAt ? formatDateTimeShort(survey.opensAt) : s('facts.opensOnPublish')}</dd>
      </div>
      <div>
        <dt>{s('facts.deadline')}</dt>
        <dd>{survey.closesAt ? formatDateTimeShort(survey.closesAt) : s('noDeadline')}</dd>
      </div>
      <div>
        <dt>{s('facts.questionnaire')}</dt>
        <dd>
          {s('facts.questionCount', { sections: content.sections?.length ?? 0, questions })}
          {survey.currentVersion
            ? ` · ${s('versionN', { n: survey.currentVersion.number })}`
            : ` · ${s('status.DRAFT')}`}
        </dd>
      </div>
      <div>
        <dt>{s('facts.units')}</dt>
        <dd>
          {p.assigned > 0
            ? s('facts.unitsLine', {
                assigned: p.assigned,
                submitted: p.submitted,
                draft: p.draft,
                notOpened: p.notOpened,
              })
            : s('noUnitsYet')}
        </dd>
      </div>
      <div>
        <dt>{s('facts.amend')}</dt>
        <dd>{survey.allowAmend ? s('facts.amendYes') : s('facts.amendNo')}</dd>
      </div>
    </dl>
  );
}

/** The next steps of a draft, in order, each a link to its page. */
function Steps({ survey }: { survey: OrganizerSurvey }) {
  const content = survey.draftContent as unknown as QuestionnaireContent;
  const hasQuestions = (content.sections ?? []).some((sec) => (sec.questions?.length ?? 0) > 0);
  const steps = [
    { done: hasQuestions, text: s('steps.build'), href: surveyHref(survey.id, 'builder') },
    { done: !!survey.closesAt, text: s('steps.deadline'), href: '#settings-title' },
    { done: survey.progress.assigned > 0, text: s('steps.assign'), href: surveyHref(survey.id, 'assign') },
    { done: false, text: s('steps.publish'), href: null },
  ];
  return (
    <ol class="steps-list">
      {steps.map((step, i) => (
        <li key={i} data-done={step.done ? 'true' : undefined}>
          {step.href ? <a href={step.href}>{step.text}</a> : step.text}
          {step.done && <span class="muted"> — {s('steps.done')}</span>}
        </li>
      ))}
    </ol>
  );
}

/** A survey at a glance: what it is, where it stands, what can be done next, and its settings. */
export function SurveyPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id ?? '';
  const state = useSurvey(id);
  const action = useSignal<Action>(null);
  const notice = useSignal<NoticeValue>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const done = (message: string) => {
    notice.value = { kind: 'success', text: () => message };
    action.value = null;
    void state.reload();
    focusSoon(() => noticeRef.current);
  };

  const exportFile = async (survey: OrganizerSurvey) => {
    const data = await request(exportSurveyQuery, { id: survey.id });
    downloadText(`khao-sat-${survey.id}.json`, data.exportSurvey, 'application/json');
    notice.value = { kind: 'success', text: () => s('exported') };
  };

  return (
    <SurveyFrame state={state} tab="overview">
      {(survey) => {
        const editable = survey.status === 'DRAFT' || survey.status === 'OPEN';
        return (
          <>
            <Notice value={notice.value} noticeRef={noticeRef} testId="survey-notice" />
            <section class="card" aria-labelledby="summary-title">
              <h2 id="summary-title">{s('summary')}</h2>
              <p>{s(`statusHelp.${survey.status}`)}</p>
              <Facts survey={survey} />
              {survey.status === 'DRAFT' && <Steps survey={survey} />}
              <div class="actions">
                {survey.status === 'DRAFT' && (
                  <button
                    type="button"
                    class="button button--primary"
                    onClick={() => (action.value = 'publish')}
                    data-testid="publish"
                  >
                    {s('publish.open')}
                  </button>
                )}
                {survey.status === 'OPEN' && (
                  <button type="button" class="button" onClick={() => (action.value = 'close')} data-testid="close">
                    {s('close.open')}
                  </button>
                )}
                <button type="button" class="button" onClick={() => (action.value = 'clone')} data-testid="clone">
                  {s('clone.open')}
                </button>
                <button type="button" class="button" onClick={() => void exportFile(survey)} data-testid="export">
                  {s('exportJson')}
                </button>
                {(survey.status === 'DRAFT' || survey.status === 'CLOSED') && (
                  <button
                    type="button"
                    class="button button--quiet"
                    onClick={() => (action.value = 'archive')}
                    data-testid="archive"
                  >
                    {s('archive.open')}
                  </button>
                )}
              </div>
            </section>

            <section class="card" aria-labelledby="settings-title">
              <h2 id="settings-title" tabIndex={-1}>
                {s('settings')}
              </h2>
              {!editable && <p class="muted">{s('settingsLocked')}</p>}
              <SurveyForm
                key={survey.updatedAt}
                initial={fieldsOf(survey)}
                submitLabel={s('saveSettings')}
                disabled={!editable}
                testId="settings"
                onSubmit={async (values) => {
                  await request(updateSurveyMutation, { input: { id: survey.id, ...values } });
                  done(s('settingsSaved'));
                }}
              />
            </section>

            {survey.versions.length > 0 && (
              <section class="card" aria-labelledby="versions-title">
                <h2 id="versions-title">{s('versions')}</h2>
                <ul>
                  {survey.versions.map((v) => (
                    <li key={v.id}>
                      {s('versionN', { n: v.number })} — {s('publishedAt', { at: formatDateTimeShort(v.publishedAt) })}
                    </li>
                  ))}
                </ul>
              </section>
            )}

            <PublishDialog
              survey={survey}
              content={survey.draftContent as unknown as QuestionnaireContent}
              open={action.value === 'publish'}
              onClose={() => (action.value = null)}
              onDone={done}
            />
            <ConfirmDialog
              id="close-dialog"
              open={action.value === 'close'}
              title={s('close.title')}
              confirmLabel={s('close.confirm')}
              danger
              onClose={() => (action.value = null)}
              onConfirm={async () => {
                await request(closeSurveyMutation, { id: survey.id });
                done(s('close.done'));
              }}
            >
              <p>{s('close.text', { n: survey.progress.assigned - survey.progress.submitted })}</p>
            </ConfirmDialog>
            <ConfirmDialog
              id="archive-dialog"
              open={action.value === 'archive'}
              title={s('archive.title')}
              confirmLabel={s('archive.confirm')}
              onClose={() => (action.value = null)}
              onConfirm={async () => {
                await request(archiveSurveyMutation, { id: survey.id });
                done(s('archive.done'));
              }}
            >
              <p>{s('archive.text')}</p>
            </ConfirmDialog>
            <ConfirmDialog
              id="clone-dialog"
              open={action.value === 'clone'}
              title={s('clone.title')}
              confirmLabel={s('clone.confirm')}
              onClose={() => (action.value = null)}
              onConfirm={async () => {
                const data = await request(cloneSurveyMutation, { id: survey.id });
                route(surveyHref(data.cloneSurvey.id));
              }}
            >
              <p>{s('clone.text')}</p>
            </ConfirmDialog>
          </>
        );
      }}
    </SurveyFrame>
  );
}
