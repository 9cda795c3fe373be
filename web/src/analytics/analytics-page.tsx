import type { Question, QuestionnaireContent } from '@diemcau/schema';
import { useSignal } from '@preact/signals';
import { useRoute } from 'preact-iso';
import { Bar } from '../components/bar.tsx';
import { Page } from '../components/page.tsx';
import { ProgressTable } from '../components/progress-table.tsx';
import type { AnalyticsOverviewQuery, AnalyticsSurveysQuery, TextAnswersQuery } from '../gql/graphql.ts';
import { apiOrigin } from '../lib/api.ts';
import { describeError } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { language } from '../lib/i18n.ts';
import { type Load, useLoad } from '../lib/use-load.ts';
import {
  analyticsOverviewQuery,
  analyticsSurveyQuery,
  analyticsSurveysQuery,
  crossTabQuery,
  questionChoicesQuery,
  questionDatesQuery,
  questionNumbersQuery,
  textAnswersQuery,
} from './documents.ts';
import { num, pct, s } from './strings.ts';

function Status({ state }: { state: Load<unknown> }) {
  if (state.status === 'loading')
    return (
      <p class="muted" aria-live="polite">
        {s('loading')}
      </p>
    );
  if (state.status === 'failed')
    return (
      <p class="notice notice--error" role="alert">
        {s('failed', { message: state.message })}
      </p>
    );
  return null;
}

export function AnalyticsListPage() {
  // Surveys with units assigned in the analyst's scope, whoever organized them (a district analyst
  // sees the province's surveys), a page at a time.
  const after = useSignal<string | null>(null);
  const earlier = useSignal<SurveyNode[]>([]);
  const state = useLoad(() => request(analyticsSurveysQuery, { after: after.value }), [after.value]);
  const list =
    state.status === 'ready' ? [...earlier.value, ...state.data.analyticsSurveys.edges.map((e) => e.node)] : [];
  return (
    <Page title={s('title')}>
      <p class="lead">{s('listLead')}</p>
      <Status state={state} />
      {state.status === 'ready' &&
        (list.length === 0 ? (
          <p class="notice notice--empty">{s('noSurveys')}</p>
        ) : (
          <ul class="item-list" data-testid="analytics-surveys">
            {list.map((node) => (
              <li class="item" key={node.id}>
                <a href={`/analytics/${node.id}`}>{node.title}</a>
                <p class="muted">{s('submittedOf', { submitted: node.submitted, assigned: node.assigned })}</p>
                <Bar share={node.assigned ? node.submitted / node.assigned : 0} label="" />
              </li>
            ))}
          </ul>
        ))}
      {state.status === 'ready' && state.data.analyticsSurveys.pageInfo.hasNextPage && (
        <button
          type="button"
          class="button button--secondary"
          onClick={() => {
            earlier.value = list;
            after.value = state.data.analyticsSurveys.pageInfo.endCursor;
          }}
        >
          {s('more')}
        </button>
      )}
    </Page>
  );
}

type Overview = AnalyticsOverviewQuery['surveyAnalytics'];
type SurveyNode = AnalyticsSurveysQuery['analyticsSurveys']['edges'][number]['node'];
type TextNode = TextAnswersQuery['surveyAnalytics']['textAnswers']['edges'][number]['node'];

function ProgressCard({ overview }: { overview: Overview }) {
  return (
    <section class="card" aria-labelledby="progress-title">
      <h2 id="progress-title">{s('progress')}</h2>
      <ProgressTable
        groups={overview.progress.groups}
        total={overview.progress.total}
        percent={pct}
        testId="analytics-progress"
        labels={{
          unit: s('unit'),
          assigned: s('assigned'),
          submitted: s('submitted'),
          rate: s('rate'),
          late: s('late'),
          drafts: s('drafts'),
          notOpened: s('notOpened'),
          total: s('total'),
        }}
      />
    </section>
  );
}

function IndicatorsCard({ overview }: { overview: Overview }) {
  if (overview.indicators.length === 0) return null;
  return (
    <section class="card" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{s('indicators')}</h2>
      {overview.indicators.map((indicator) => (
        <div key={indicator.key} class="indicator">
          <h3>
            {language.value === 'en' && indicator.labelEn ? indicator.labelEn : indicator.label}:{' '}
            <strong data-testid={`indicator-${indicator.key}`}>
              {num(indicator.total.value)}
              {indicator.percent ? '%' : ''}
            </strong>
          </h3>
          <table class="data-table">
            <tbody>
              {indicator.groups.map((g) => (
                <tr key={g.unitName}>
                  <th scope="row">{g.unitName}</th>
                  <td class="bar-cell">
                    <Bar
                      share={(g.value ?? 0) / (indicator.percent ? 100 : 1)}
                      label={`${num(g.value)}${indicator.percent ? '%' : ''}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

const choiceTypes = ['single_choice', 'multiple_choice', 'yes_no', 'scale'];
const numberTypes = ['integer', 'decimal', 'percentage'];

function Basis({ basis }: { basis: { responses: number; versions: number[] } }) {
  return (
    <p class="muted">
      {s('responses', { n: basis.responses })}
      {basis.versions.length > 0 && ` · ${s('versions', { versions: basis.versions.join(', ') })}`}
    </p>
  );
}

function ChoiceFigures({ surveyId, level, question }: FiguresProps) {
  const state = useLoad(
    () => request(questionChoicesQuery, { surveyId, level, key: question.key }),
    [surveyId, level, question.key],
  );
  if (state.status !== 'ready') return <Status state={state} />;
  const choices = state.data.surveyAnalytics.question.choices;
  return (
    <div>
      <Basis basis={choices.basis} />
      <table class="data-table" data-testid={`choices-${question.key}`}>
        <tbody>
          {choices.total.options.map((o) => (
            <tr key={o.key}>
              <th scope="row">{o.label ?? o.key}</th>
              <td>{o.count}</td>
              <td class="bar-cell">
                <Bar share={o.share} label={pct(o.share)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {choices.total.mean !== null && choices.total.mean !== undefined && (
        <p>
          {s('mean')}: <strong>{num(choices.total.mean, 2)}</strong>
        </p>
      )}
      {choices.total.otherTexts.length > 0 && (
        <ul class="muted">
          {choices.total.otherTexts.slice(0, 10).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NumberFigures({ surveyId, level, question }: FiguresProps) {
  const state = useLoad(
    () => request(questionNumbersQuery, { surveyId, level, key: question.key }),
    [surveyId, level, question.key],
  );
  if (state.status !== 'ready') return <Status state={state} />;
  const numbers = state.data.surveyAnalytics.question.numbers;
  const t = numbers.total;
  return (
    <div>
      <Basis basis={numbers.basis} />
      <dl class="figures">
        <dt>{s('sum')}</dt>
        <dd>{num(t.sum)}</dd>
        <dt>{s('mean')}</dt>
        <dd>{num(t.mean, 2)}</dd>
        <dt>{s('median')}</dt>
        <dd>{num(t.median, 2)}</dd>
        <dt>{s('quartiles')}</dt>
        <dd>
          {num(t.q1, 2)} – {num(t.q3, 2)}
        </dd>
        <dt>{s('min')}</dt>
        <dd>{num(t.min)}</dd>
        <dt>{s('max')}</dt>
        <dd>{num(t.max)}</dd>
      </dl>
      {t.histogram.length > 0 && (
        <table class="data-table" data-testid={`histogram-${question.key}`}>
          <caption>{s('histogram')}</caption>
          <tbody>
            {t.histogram.map((bin) => (
              <tr key={bin.from}>
                <th scope="row">
                  {num(bin.from)} – {num(bin.to)}
                </th>
                <td class="bar-cell">
                  <Bar share={t.count ? bin.count / t.count : 0} label={String(bin.count)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function DateFigures({ surveyId, level, question }: FiguresProps) {
  const state = useLoad(
    () => request(questionDatesQuery, { surveyId, level, key: question.key }),
    [surveyId, level, question.key],
  );
  if (state.status !== 'ready') return <Status state={state} />;
  const dates = state.data.surveyAnalytics.question.dates;
  const t = dates.total;
  return (
    <div>
      <Basis basis={dates.basis} />
      <dl class="figures">
        <dt>{s('earliest')}</dt>
        <dd data-testid={`earliest-${question.key}`}>{t.earliest ?? '—'}</dd>
        <dt>{s('latest')}</dt>
        <dd>{t.latest ?? '—'}</dd>
      </dl>
      <table class="data-table" data-testid={`months-${question.key}`}>
        <caption>{s('byMonth')}</caption>
        <tbody>
          {t.byMonth.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              <td class="bar-cell">
                <Bar share={t.count ? m.count / t.count : 0} label={String(m.count)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type FiguresProps = { surveyId: string; level: number; question: Question };

function QuestionFigures(props: FiguresProps) {
  const type = props.question.type;
  if (choiceTypes.includes(type)) return <ChoiceFigures {...props} />;
  if (numberTypes.includes(type)) return <NumberFigures {...props} />;
  if (type === 'date') return <DateFigures {...props} />;
  return null;
}

function QuestionCard({ surveyId, level, question }: { surveyId: string; level: number; question: Question }) {
  const open = useSignal(false);
  return (
    <details
      class="details question-card"
      onToggle={(e) => (open.value = (e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <span class="mono">{question.key}</span> —{' '}
        {language.value === 'en' && question.labelEn ? question.labelEn : question.label}
      </summary>
      {open.value && <QuestionFigures surveyId={surveyId} level={level} question={question} />}
    </details>
  );
}

function CrossTabCard({ surveyId, level, questions }: { surveyId: string; level: number; questions: Question[] }) {
  const candidates = questions.filter((q) => choiceTypes.includes(q.type));
  const rowKey = useSignal(candidates[0]?.key ?? '');
  const columnKey = useSignal(candidates[1]?.key ?? '');
  const result = useSignal<Load<{
    rows: string[];
    columns: string[];
    cells: { row: string; column: string; count: number; rowShare: number; columnShare: number }[];
  }> | null>(null);
  if (candidates.length < 2) return null;
  const build = async (event: Event) => {
    event.preventDefault();
    result.value = { status: 'loading' };
    try {
      const data = await request(crossTabQuery, { surveyId, level, rowKey: rowKey.value, columnKey: columnKey.value });
      result.value = { status: 'ready', data: data.surveyAnalytics.crossTab };
    } catch (error) {
      result.value = { status: 'failed', message: describeError(error) };
    }
  };
  const r = result.value;
  return (
    <section class="card" aria-labelledby="crosstab-title">
      <h2 id="crosstab-title">{s('crossTab')}</h2>
      <form class="input-row" onSubmit={build}>
        {(['rows', 'columns'] as const).map((which) => (
          <label key={which} class="field">
            <span>{s(which)}</span>
            <select
              value={which === 'rows' ? rowKey.value : columnKey.value}
              onChange={(e) =>
                ((which === 'rows' ? rowKey : columnKey).value = (e.currentTarget as HTMLSelectElement).value)
              }
            >
              {candidates.map((q) => (
                <option key={q.key} value={q.key}>
                  {q.key}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" class="button">
          {s('build')}
        </button>
      </form>
      {r && r.status !== 'ready' && <Status state={r} />}
      {r?.status === 'ready' && (
        <div class="table-scroll">
          <table class="data-table" data-testid="crosstab">
            <thead>
              <tr>
                <td />
                {r.data.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.data.rows.map((row) => (
                <tr key={row}>
                  <th scope="row">{row}</th>
                  {r.data.columns.map((c) => {
                    const cell = r.data.cells.find((x) => x.row === row && x.column === c);
                    return (
                      <td key={c}>
                        {cell?.count ?? 0}{' '}
                        <span class="muted">
                          ({s('ofRow')} {pct(cell?.rowShare ?? 0)} · {s('ofColumn')} {pct(cell?.columnShare ?? 0)})
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function TextAnswersCard({ surveyId, level, questions }: { surveyId: string; level: number; questions: Question[] }) {
  const texts = questions.filter((q) => q.type === 'short_text' || q.type === 'long_text');
  const key = useSignal(texts[0]?.key ?? '');
  const search = useSignal('');
  const applied = useSignal('');
  // "More" fetches the next page after the last cursor and keeps the answers shown so far.
  const after = useSignal<string | null>(null);
  const earlier = useSignal<TextNode[]>([]);
  const state = useLoad(
    () =>
      request(textAnswersQuery, { surveyId, level, key: key.value, search: applied.value || null, after: after.value }),
    [surveyId, level, key.value, applied.value, after.value],
  );
  const restart = () => {
    after.value = null;
    earlier.value = [];
  };
  if (texts.length === 0) return null;
  const shown =
    state.status === 'ready'
      ? [...earlier.value, ...state.data.surveyAnalytics.textAnswers.edges.map((e) => e.node)]
      : [];
  return (
    <section class="card" aria-labelledby="texts-title">
      <h2 id="texts-title">{s('texts')}</h2>
      <form
        class="input-row"
        onSubmit={(e) => {
          e.preventDefault();
          restart();
          applied.value = search.value.trim();
        }}
      >
        <label class="field">
          <span>{s('textQuestion')}</span>
          <select
            value={key.value}
            data-testid="text-question"
            onChange={(e) => {
              restart();
              key.value = (e.currentTarget as HTMLSelectElement).value;
            }}
          >
            {texts.map((q) => (
              <option key={q.key} value={q.key}>
                {q.label}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{s('search')}</span>
          <input
            type="search"
            value={search.value}
            onInput={(e) => (search.value = (e.currentTarget as HTMLInputElement).value)}
            data-testid="text-search"
          />
        </label>
        <button type="submit" class="button">
          {s('search')}
        </button>
      </form>
      <Status state={state} />
      {state.status === 'ready' && (
        <>
          <p class="muted" aria-live="polite" data-testid="text-count">
            {s('found', { n: state.data.surveyAnalytics.textAnswers.totalCount })}
          </p>
          <ul class="item-list" data-testid="text-answers">
            {shown.map((node, i) => (
              <li class="item" key={`${i}-${node.unitName}`}>
                <p>{node.text}</p>
                <p class="muted">{node.pathNames.join(' › ')}</p>
              </li>
            ))}
          </ul>
          {state.data.surveyAnalytics.textAnswers.pageInfo.hasNextPage && (
            <button
              type="button"
              class="button button--secondary"
              data-testid="text-more"
              onClick={() => {
                earlier.value = shown;
                after.value = state.data.surveyAnalytics.textAnswers.pageInfo.endCursor ?? null;
              }}
            >
              {s('more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

export function AnalyticsSurveyPage() {
  const { params } = useRoute();
  const surveyId = params.id ?? '';
  // Title, questionnaire and levels from the analytics side: readable for any analyst whose scope has
  // units assigned, even when the survey was organized above it.
  const survey = useLoad(() => request(analyticsSurveyQuery, { id: surveyId }), [surveyId]);
  const head = survey.status === 'ready' ? survey.data.surveyAnalytics : null;
  return (
    <Page title={head?.title ?? s('title')} wide>
      <Status state={survey} />
      {head && <AnalyticsBody key={surveyId} surveyId={surveyId} head={head} />}
    </Page>
  );
}

function AnalyticsBody({
  surveyId,
  head,
}: {
  surveyId: string;
  head: { content: unknown; scopeLevel: number; deepestLevel: number };
}) {
  // By the level below the scope (districts of a province) when the tree goes that deep.
  const level = useSignal(Math.min(head.scopeLevel + 1, head.deepestLevel));
  const overview = useLoad(
    () => request(analyticsOverviewQuery, { surveyId, level: level.value }),
    [surveyId, level.value],
  );
  const content = head.content as QuestionnaireContent;
  const questions = content.sections.flatMap((section) => section.questions);
  const levels = Array.from({ length: head.deepestLevel - head.scopeLevel + 1 }, (_, i) => head.scopeLevel + i);
  const base = `${apiOrigin()}/api/surveys/${surveyId}`;
  return (
    <>
      <div class="input-row">
        <label class="field">
          <span>{s('level')}</span>
          <select
            value={String(level.value)}
            data-testid="analytics-level"
            onChange={(e) => (level.value = Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {levels.map((n) => (
              <option key={n} value={String(n)}>
                {s('levelN', { n })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Status state={overview} />
      {overview.status === 'ready' && (
        <>
          <p class="muted" data-testid="analytics-basis">
            {s('basis', {
              n: overview.data.surveyAnalytics.basis.responses,
              versions: overview.data.surveyAnalytics.basis.versions.join(', '),
            })}
          </p>
          <ProgressCard overview={overview.data.surveyAnalytics} />
          <IndicatorsCard overview={overview.data.surveyAnalytics} />
        </>
      )}
      {questions.length > 0 && (
        <section class="card" aria-labelledby="questions-title">
          <h2 id="questions-title">{s('questions')}</h2>
          {questions
            .filter((q) => choiceTypes.includes(q.type) || numberTypes.includes(q.type) || q.type === 'date')
            .map((q) => (
              <QuestionCard key={q.key} surveyId={surveyId} level={level.value} question={q} />
            ))}
        </section>
      )}
      {questions.length > 0 && <CrossTabCard surveyId={surveyId} level={level.value} questions={questions} />}
      {questions.length > 0 && (
        <TextAnswersCard key={level.value} surveyId={surveyId} level={level.value} questions={questions} />
      )}
      <section class="card" aria-labelledby="exports-title">
        <h2 id="exports-title">{s('exports')}</h2>
        <div class="actions">
          <a class="button" href={`${base}/responses.csv`} download data-testid="export-csv">
            {s('csv')}
          </a>
          <a class="button" href={`${base}/responses.xlsx`} download>
            {s('xlsx')}
          </a>
          <a class="button" href={`${base}/summary.xlsx?level=${level.value}`} download>
            {s('summary')}
          </a>
        </div>
      </section>
    </>
  );
}
