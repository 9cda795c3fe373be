import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Bar } from '../components/bar.tsx';
import { Field } from '../components/field.tsx';
import { LoadStatus } from '../components/load-status.tsx';
import { Page } from '../components/page.tsx';
import type { OrganizerSurveysQuery, SurveyStatus } from '../gql/graphql.ts';
import { request } from '../lib/graphql.ts';
import { formatDateTimeShort } from '../lib/i18n.ts';
import { useLoad } from '../lib/use-load.ts';
import { viewer } from '../lib/viewer.ts';
import { type PickedUnit, UnitPicker } from '../units/unit-picker.tsx';
import { createSurveyMutation, importSurveyMutation, organizerSurveysQuery } from './documents.ts';
import { pct, s } from './strings.ts';
import { errorMessages, StatusBadge, surveyHref } from './survey-common.tsx';
import { fieldsOf, SurveyForm } from './survey-form.tsx';

type Row = OrganizerSurveysQuery['surveys']['edges'][number]['node'];
const statuses: (SurveyStatus | '')[] = ['', 'DRAFT', 'OPEN', 'CLOSED', 'ARCHIVED'];

function SurveyItem({ survey }: { survey: Row }) {
  const p = survey.progress;
  const share = p.assigned ? p.submitted / p.assigned : 0;
  const overdue = survey.status === 'OPEN' && survey.closesAt && Date.parse(survey.closesAt) < Date.now();
  return (
    <li class="item survey-item" data-testid={`survey-item-${survey.id}`}>
      <div class="item-head">
        <a class="item-title" href={surveyHref(survey.id)}>
          {survey.title}
        </a>
        <StatusBadge status={survey.status} />
      </div>
      <p class="muted survey-meta">
        {[
          survey.document?.code,
          survey.ownerUnit?.name,
          survey.currentVersion ? s('versionN', { n: survey.currentVersion.number }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p class={overdue ? 'survey-deadline survey-deadline--past' : 'survey-deadline'}>
        {survey.closesAt ? s('deadlineAt', { at: formatDateTimeShort(survey.closesAt) }) : s('noDeadline')}
      </p>
      {p.assigned > 0 ? (
        <>
          <Bar
            share={share}
            label={s('submittedOf', { submitted: p.submitted, assigned: p.assigned, rate: pct(share) })}
          />
          <p class="muted survey-counts">
            {s('countsLine', { draft: p.draft, opened: p.opened, notOpened: p.notOpened })}
          </p>
        </>
      ) : (
        <p class="muted">{s('noUnitsYet')}</p>
      )}
    </li>
  );
}

/** ORGANIZER and ADMIN: every survey in scope with its status, deadline and response progress. */
export function SurveyListPage() {
  const status = useSignal<SurveyStatus | ''>('');
  const more = useSignal<Row[]>([]);
  const cursor = useSignal<string | null>(null);
  const list = useLoad(async () => {
    more.value = [];
    const data = await request(organizerSurveysQuery, { status: status.value || null });
    cursor.value = data.surveys.pageInfo.hasNextPage ? (data.surveys.pageInfo.endCursor ?? null) : null;
    return data.surveys;
  }, [status.value]);
  const loadMore = async () => {
    const data = await request(organizerSurveysQuery, { status: status.value || null, after: cursor.value });
    more.value = [...more.value, ...data.surveys.edges.map((e) => e.node)];
    cursor.value = data.surveys.pageInfo.hasNextPage ? (data.surveys.pageInfo.endCursor ?? null) : null;
  };
  const rows = list.status === 'ready' ? [...list.data.edges.map((e) => e.node), ...more.value] : [];
  return (
    <Page title={s('surveysTitle')}>
      <p class="lead">{s('listLead')}</p>
      <div class="actions">
        <a class="button button--primary" href="/surveys/new" data-testid="new-survey">
          {s('newSurvey')}
        </a>
      </div>
      <Field id="survey-status-filter" label={s('filterStatus')}>
        <select
          id="survey-status-filter"
          class="input--medium"
          value={status.value}
          onChange={(e) => {
            status.value = e.currentTarget.value as SurveyStatus | '';
          }}
        >
          {statuses.map((x) => (
            <option key={x} value={x}>
              {x ? s(`status.${x}`) : s('allStatuses')}
            </option>
          ))}
        </select>
      </Field>
      <LoadStatus state={list} />
      {list.status === 'ready' && (
        <>
          <p class="muted" role="status">
            {s('surveyCount', { n: list.data.totalCount })}
          </p>
          {rows.length === 0 ? (
            <p>{s('noSurveys')}</p>
          ) : (
            <ul class="item-list" data-testid="survey-list">
              {rows.map((row) => (
                <SurveyItem key={row.id} survey={row} />
              ))}
            </ul>
          )}
          {cursor.value && (
            <button type="button" class="button" onClick={() => void loadMore()}>
              {s('showMore')}
            </button>
          )}
        </>
      )}
    </Page>
  );
}

function scopeOwner(): PickedUnit | null {
  const unit = viewer.value?.scopeUnit;
  return unit ? { id: unit.id, code: unit.code, name: unit.name, path: unit.ancestors.map((a) => a.name) } : null;
}

/** A questionnaire file (`diemcau.survey`) becomes a new draft; every problem of the file is listed. */
function ImportCard() {
  const { route } = useLocation();
  const owner = useSignal<PickedUnit | null>(scopeOwner());
  const problems = useSignal<string[]>([]);
  const busy = useSignal(false);
  const file = useRef<HTMLInputElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen || !owner.value) {
      problems.value = [!owner.value ? s('form.ownerRequired') : s('import.chooseFile')];
      result.current?.focus();
      return;
    }
    busy.value = true;
    problems.value = [];
    try {
      const text = await chosen.text();
      const data = await request(importSurveyMutation, { ownerUnitId: owner.value.id, file: text });
      route(surveyHref(data.importSurvey.id, 'builder'));
    } catch (error) {
      problems.value = errorMessages(error);
      setTimeout(() => result.current?.focus(), 0);
    } finally {
      busy.value = false;
    }
  };
  return (
    <section class="card" aria-labelledby="import-survey-title">
      <h2 id="import-survey-title">{s('import.title')}</h2>
      <p class="muted">{s('import.lead')}</p>
      <form class="form" onSubmit={submit} noValidate>
        <UnitPicker
          id="import-owner"
          label={s('form.owner')}
          value={owner.value}
          onChange={(u) => {
            owner.value = u;
          }}
        />
        <div class="field">
          <label for="import-file">{s('import.file')}</label>
          <input id="import-file" type="file" accept=".json,application/json" ref={file} data-testid="import-file" />
        </div>
        <div class="actions">
          <button type="submit" class="button" disabled={busy.value} data-testid="import-submit">
            {busy.value ? s('import.busy') : s('import.submit')}
          </button>
        </div>
      </form>
      <div ref={result} tabIndex={-1} role="status" class="import-problems">
        {problems.value.length > 0 && (
          <div class="notice notice--error" data-testid="import-problems">
            <p>{s('import.problems', { n: problems.value.length })}</p>
            <ul>
              {problems.value.slice(0, 50).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

/** A new survey: its settings, then on to the questionnaire builder. Or a file made earlier. */
export function NewSurveyPage() {
  const { route } = useLocation();
  return (
    <Page title={s('newSurvey')}>
      <p class="lead">{s('newLead')}</p>
      <section class="card" aria-labelledby="new-settings-heading">
        <h2 id="new-settings-heading">{s('newSettings')}</h2>
        <SurveyForm
          initial={fieldsOf()}
          owner={scopeOwner()}
          needOwner
          submitLabel={s('createAndBuild')}
          testId="new-survey"
          onSubmit={async (values, owner) => {
            const data = await request(createSurveyMutation, {
              input: { ...values, ownerUnitId: owner!.id, content: { sections: [] } },
            });
            route(surveyHref(data.createSurvey.id, 'builder'));
          }}
        />
      </section>
      <ImportCard />
    </Page>
  );
}
