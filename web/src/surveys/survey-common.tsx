import type { ComponentChildren } from 'preact';
import { LoadStatus } from '../components/load-status.tsx';
import { Page } from '../components/page.tsx';
import type { OrganizerSurveyQuery, SurveyStatus } from '../gql/graphql.ts';
import { describeError, localizeServerMessage } from '../lib/errors.ts';
import { RequestError, request } from '../lib/graphql.ts';
import { type Load, useLoad } from '../lib/use-load.ts';
import { serverContentProblem } from './content-problems.ts';
import { organizerSurveyQuery } from './documents.ts';
import { s } from './strings.ts';
import './surveys.css';

export type OrganizerSurvey = OrganizerSurveyQuery['survey'];

/** The survey of the address, and a way to load it again after a change. */
export function useSurvey(id: string) {
  return useLoad(() => request(organizerSurveyQuery, { id }).then((d) => d.survey), [id]);
}

export function StatusBadge({ status }: { status: SurveyStatus }) {
  return (
    <span class="badge survey-status" data-status={status} data-testid="survey-status">
      {s(`status.${status}`)}
    </span>
  );
}

type Tab = 'overview' | 'builder' | 'assign' | 'progress';
const tabs: Tab[] = ['overview', 'builder', 'assign', 'progress'];

export function surveyHref(id: string, tab: Tab = 'overview'): string {
  return tab === 'overview' ? `/surveys/${id}` : `/surveys/${id}/${tab}`;
}

/** A survey page: its title, status and the survey's own navigation (overview, questionnaire, units, progress). */
export function SurveyFrame({
  state,
  tab,
  children,
  wide,
}: {
  state: Load<OrganizerSurvey>;
  tab: Tab;
  children: (survey: OrganizerSurvey) => ComponentChildren;
  wide?: boolean;
}) {
  const survey = state.status === 'ready' ? state.data : null;
  const title = survey ? `${s(`tab.${tab}`)}: ${survey.title}` : s('surveysTitle');
  return (
    <Page title={title} wide={wide}>
      <p class="survey-crumbs">
        <a href="/surveys">{s('surveysTitle')}</a>
        {survey && (
          <>
            {' › '}
            <StatusBadge status={survey.status} />
            {survey.currentVersion && <span class="muted"> {s('versionN', { n: survey.currentVersion.number })}</span>}
          </>
        )}
      </p>
      {survey && (
        <nav class="survey-tabs" aria-label={s('surveyNav')}>
          {tabs.map((t) => (
            <a
              key={t}
              href={surveyHref(survey.id, t)}
              aria-current={t === tab ? 'page' : undefined}
              data-testid={`tab-${t}`}
            >
              {s(`tab.${t}`)}
            </a>
          ))}
          <a href={`/analytics/${survey.id}`}>{s('tab.analytics')}</a>
        </nav>
      )}
      <LoadStatus state={state} />
      {survey && children(survey)}
    </Page>
  );
}

/** Saves text as a file through the browser's download. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Vietnam keeps UTC+7 all year: the pages read and write times there, whatever the computer's zone. */
const vietnamOffsetMs = 7 * 3_600_000;

/** ISO instant → the value of an `<input type="datetime-local">` in Vietnam time. */
export function toVietnamInput(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + vietnamOffsetMs).toISOString().slice(0, 16);
}

/** The value of an `<input type="datetime-local">`, read as Vietnam time → ISO instant (null when empty or bad). */
export function fromVietnamInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00+07:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Every problem the server reported (a file or a questionnaire has many), in the page language. */
export function errorMessages(error: unknown): string[] {
  if (!(error instanceof RequestError) || error.errors.length === 0) return [describeError(error)];
  const input = ['BAD_USER_INPUT', 'CONFLICT'];
  return error.errors.map(
    (e) =>
      serverContentProblem(e.extensions, e.message) ??
      (error.errors.length > 1 && input.includes(e.extensions?.code ?? '')
        ? localizeServerMessage(e.message)
        : describeError(error)),
  );
}
