import {
  type LiveBridgePointRow,
  type LiveSnapshot,
  type LiveTotals,
  type LiveUnit,
  liveProblems,
  rollUpLive,
} from '@diemcau/schema';
import { type ReadonlySignal, useComputed, useSignal } from '@preact/signals';
import { Component } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { Page } from '../components/page.tsx';
import type { DashboardConferenceQuery } from '../gql/graphql.ts';
import { describeError } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { language } from '../lib/i18n.ts';
import { signInUrl } from '../shell/require-viewer.tsx';
import { type DashboardStore, openDashboard } from './dashboard-state.ts';
import { dashboardConferenceQuery } from './documents.ts';
import {
  commonWords,
  dashboardWords,
  formatClock,
  formatNumber,
  formatSince,
  refusalWords,
  translator,
} from './strings.ts';
import { TimelineChart } from './timeline-chart.tsx';
import { useVirtualRows } from './virtual-rows.ts';
import './live.css';

const t = translator(dashboardWords, () => language.value);
const common = translator(commonWords, () => language.value);
const refusal = translator(refusalWords, () => language.value);
const n = (value: number) => formatNumber(language.value, value);
const pct = (part: number, whole: number) =>
  whole > 0
    ? `${new Intl.NumberFormat(language.value, { maximumFractionDigits: 1 }).format((part / whole) * 100)}%`
    : '—';

/** Ticks once a second, for "down for 3 min" that keeps counting between messages. */
function useNow(): number {
  const now = useSignal(Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      now.value = Date.now();
    }, 1000);
    return () => clearInterval(timer);
  }, []);
  return now.value;
}

function BigNumbers({ totals, peak }: { totals: LiveTotals; peak: LiveSnapshot['peak'] }) {
  return (
    <section class="big-numbers" aria-label={t('title')}>
      <div class="big" data-testid="big-bridge-points">
        <span class="big-label">{t('bridgePoints')}</span>
        <span class="big-value">
          {n(totals.connected)}
          <span class="big-of">/{n(totals.bridgePoints)}</span>
        </span>
        <span class="big-sub">{t('connectedOf', { n: n(totals.bridgePoints) })}</span>
      </div>
      <div class="big" data-testid="big-present">
        <span class="big-label">{t('present')}</span>
        <span class="big-value">
          {n(totals.present)}
          <span class="big-of">/{n(totals.expected)}</span>
        </span>
        <span class="big-sub">
          {t('presentOf', { n: n(totals.expected) })} · {pct(totals.present, totals.expected)}
        </span>
      </div>
      <dl class="small-numbers">
        <div data-state="UNSTABLE">
          <dt>{t('unstable')}</dt>
          <dd data-testid="count-unstable">{n(totals.unstable)}</dd>
        </div>
        <div data-state="DROPPED">
          <dt>{t('dropped')}</dt>
          <dd data-testid="count-dropped">{n(totals.dropped)}</dd>
        </div>
        <div data-state="NEVER_CONNECTED">
          <dt>{t('neverConnected')}</dt>
          <dd data-testid="count-never">{n(totals.neverConnected)}</dd>
        </div>
        <div>
          <dt>{t('checkIns')}</dt>
          <dd>{n(totals.checkIns)}</dd>
        </div>
        <div>
          <dt>{t('peak')}</dt>
          <dd class="peak">
            {peak ? t('peakAt', { n: n(peak.present), time: formatClock(language.value, peak.at, false) }) : '—'}
          </dd>
        </div>
      </dl>
    </section>
  );
}

const shownPerList = 30;

function ProblemList({
  title,
  rows,
  kind,
  now,
  testId,
}: {
  title: string;
  rows: LiveBridgePointRow[];
  kind: 'UNSTABLE' | 'DROPPED' | 'NEVER_CONNECTED';
  now: number;
  testId: string;
}) {
  if (rows.length === 0) return null;
  return (
    <section class="problem" data-state={kind} aria-labelledby={`${testId}-title`}>
      <h3 id={`${testId}-title`}>
        {title} ({n(rows.length)})
      </h3>
      <ul data-testid={testId}>
        {rows.slice(0, shownPerList).map((row) => (
          <li key={row.id}>
            <span class="problem-name">{row.displayName}</span>
            {row.downSince && (
              <span class="problem-since">
                {t(kind === 'UNSTABLE' ? 'unstableSince' : 'droppedFor', {
                  d: formatSince(language.value, row.downSince, now),
                })}
              </span>
            )}
          </li>
        ))}
      </ul>
      {rows.length > shownPerList && <p class="muted">{t('andMore', { n: n(rows.length - shownPerList) })}</p>}
    </section>
  );
}

function Problems({ rows }: { rows: ReadonlySignal<LiveBridgePointRow[]> }) {
  const now = useNow();
  const problems = useComputed(() => {
    const { neverConnected, dropped } = liveProblems(rows.value);
    const unstable = rows.value.filter((r) => r.status === 'UNSTABLE');
    return { neverConnected, dropped, unstable };
  }).value;
  const none = problems.dropped.length + problems.neverConnected.length + problems.unstable.length === 0;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to scroll by keyboard
    <section class="wall-card problems" aria-labelledby="problems-title" tabIndex={0}>
      <h2 id="problems-title">{t('problemsTitle')}</h2>
      <div aria-live="polite" aria-relevant="additions text">
        {none && <p class="all-good">{t('problemsNone')}</p>}
        <ProblemList
          title={t('unstable')}
          rows={problems.unstable}
          kind="UNSTABLE"
          now={now}
          testId="problems-unstable"
        />
        <ProblemList title={t('dropped')} rows={problems.dropped} kind="DROPPED" now={now} testId="problems-dropped" />
        <ProblemList
          title={t('neverConnected')}
          rows={problems.neverConnected}
          kind="NEVER_CONNECTED"
          now={now}
          testId="problems-never"
        />
      </div>
    </section>
  );
}

function StatusBadge({ status }: { status: LiveBridgePointRow['status'] }) {
  return (
    <span class="state" data-state={status}>
      {common(status)}
    </span>
  );
}

const rowHeight = 52;

/** One bridge point's row; skipped on re-render while its row object is the same (unchanged by a message). */
type RowProps = { row: LiveBridgePointRow; index: number; lang: string };

class BridgePointRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return next.row !== this.props.row || next.index !== this.props.index || next.lang !== this.props.lang;
  }

  override render() {
    const { row, index } = this.props;
    return (
      <tr aria-rowindex={index + 2} data-state={row.status} data-testid={`bp-row-${row.id}`}>
        <th scope="row">
          {row.displayName}
          {row.host && <span class="host-badge">{t('host')}</span>}
        </th>
        <td>
          <StatusBadge status={row.status} />
        </td>
        <td class="num">{n(row.consoles)}</td>
        <td class="num">{row.reportedHeadcount === null ? '—' : n(row.reportedHeadcount)}</td>
        <td class="num">{n(row.checkIns)}</td>
        <td class="num">
          {n(row.present)}/{n(row.expected)}
        </td>
      </tr>
    );
  }
}

type Group = { unit: LiveUnit | undefined; unitId: number; totals: LiveTotals; drillable: boolean };

function GroupRow({ group, index, onOpen }: { group: Group; index: number; onOpen: (unitId: number) => void }) {
  const { totals } = group;
  const name = group.unit?.name ?? String(group.unitId);
  const bad = totals.dropped + totals.neverConnected + totals.unstable;
  return (
    <tr aria-rowindex={index + 2} data-problems={bad > 0 ? 'true' : undefined}>
      <th scope="row">
        {group.drillable ? (
          <button
            type="button"
            class="link-button"
            onClick={() => onOpen(group.unitId)}
            aria-label={t('openUnit', { name })}
          >
            {name}
          </button>
        ) : (
          name
        )}
      </th>
      <td class="num">
        {n(totals.connected)}/{n(totals.bridgePoints)}
        <span class="meter" aria-hidden="true">
          <span style={{ width: `${totals.bridgePoints ? (totals.connected / totals.bridgePoints) * 100 : 0}%` }} />
        </span>
      </td>
      <td class="num">{n(totals.unstable)}</td>
      <td class="num" data-alert={totals.dropped > 0 ? 'true' : undefined}>
        {n(totals.dropped)}
      </td>
      <td class="num" data-alert={totals.neverConnected > 0 ? 'true' : undefined}>
        {n(totals.neverConnected)}
      </td>
      <td class="num">
        {n(totals.present)}/{n(totals.expected)}
      </td>
      <td class="num">{pct(totals.present, totals.expected)}</td>
    </tr>
  );
}

/** A table whose body renders only the rows in view; the rest are two spacer rows of their height. */
function VirtualTable<R>({
  rows,
  head,
  renderRow,
  caption,
  testId,
}: {
  rows: R[];
  head: preact.ComponentChildren;
  renderRow: (row: R, index: number) => preact.ComponentChildren;
  caption: string;
  testId: string;
}) {
  const scroller = useRef<HTMLElement>(null);
  const { items, before, after } = useVirtualRows(scroller, rows.length, rowHeight);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to scroll by keyboard
    <section class="table-window" ref={scroller} tabIndex={0} aria-label={caption}>
      <table class="wall-table" aria-rowcount={rows.length + 1} data-testid={testId} data-rows={rows.length}>
        <caption class="sr-only">{caption}</caption>
        <thead>{head}</thead>
        <tbody>
          {before > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it to focus
            <tr class="spacer" aria-hidden="true" style={{ height: `${before}px` }}>
              <td />
            </tr>
          )}
          {items.map((item) => renderRow(rows[item.index]!, item.index))}
          {after > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it to focus
            <tr class="spacer" aria-hidden="true" style={{ height: `${after}px` }}>
              <td />
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

type View = { focus: number | null; level: number | 'each'; problemsOnly: boolean };

function UnitTable({ snapshot }: { snapshot: ReadonlySignal<LiveSnapshot> }) {
  const view = useSignal<View>({ focus: null, level: snapshot.peek().organizingUnitLevel + 1, problemsOnly: false });
  const units = useComputed(() => {
    const list = snapshot.value.units;
    return { list, byId: new Map(list.map((u, i) => [u.id, { unit: u, order: i }])) };
  });
  const orgLevel = snapshot.value.organizingUnitLevel;
  const { focus, level, problemsOnly } = view.value;
  const focusUnit = focus === null ? undefined : units.value.byId.get(focus)?.unit;

  const all = snapshot.value.bridgePoints;
  const under = focusUnit ? all.filter((r) => r.unitPath[focusUnit.level - 1] === focusUnit.id) : all;
  const deepest = under.reduce((max, r) => Math.max(max, r.unitPath.length), orgLevel);
  const fromLevel = (focusUnit?.level ?? orgLevel) + 1;
  const levels: number[] = [];
  for (let l = fromLevel; l <= deepest; l += 1) levels.push(l);

  const open = (unitId: number) => {
    const unit = units.value.byId.get(unitId)?.unit;
    if (!unit) return;
    const rows = snapshot.value.bridgePoints.filter((r) => r.unitPath[unit.level - 1] === unit.id);
    // Grouping one level down only helps when a group there holds more than the units' own bridge points.
    const deeper = rows.some((r) => r.unitPath.length > unit.level + 1);
    view.value = { focus: unitId, level: deeper ? unit.level + 1 : 'each', problemsOnly: false };
  };

  // The breadcrumb: from the organizing unit down to the focus.
  const trail: LiveUnit[] = [];
  if (focusUnit) {
    const sample = under[0];
    for (let l = orgLevel + 1; l <= focusUnit.level && sample; l += 1) {
      const u = units.value.byId.get(sample.unitPath[l - 1]!)?.unit;
      if (u) trail.push(u);
    }
  }

  const effectiveLevel = level === 'each' || levels.includes(level) ? level : (levels[0] ?? 'each');
  let table: preact.ComponentChildren;
  if (effectiveLevel === 'each') {
    const rows = problemsOnly ? under.filter((r) => r.status !== 'CONNECTED') : under;
    table = (
      <VirtualTable
        rows={rows}
        caption={t('eachBridgePoint')}
        testId="bp-table"
        head={
          <tr aria-rowindex={1}>
            <th scope="col">{t('bridgePoint')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col" class="num">
              {t('consoles')}
            </th>
            <th scope="col" class="num">
              {t('reported')}
            </th>
            <th scope="col" class="num">
              {t('checkIns')}
            </th>
            <th scope="col" class="num">
              {t('present')}
            </th>
          </tr>
        }
        renderRow={(row, index) => <BridgePointRow key={row.id} row={row} index={index} lang={language.value} />}
      />
    );
  } else {
    const groups: Group[] = rollUpLive(under, effectiveLevel, orgLevel)
      .map((g) => {
        const known = units.value.byId.get(g.unitId);
        return {
          unit: known?.unit,
          unitId: g.unitId,
          totals: g.totals,
          order: known?.order ?? Number.MAX_SAFE_INTEGER,
          drillable: g.unitId !== focus,
        };
      })
      .sort((a, b) => a.order - b.order);
    table = (
      <VirtualTable
        rows={groups}
        caption={t('levelN', { n: effectiveLevel })}
        testId="group-table"
        head={
          <tr aria-rowindex={1}>
            <th scope="col">{t('unit')}</th>
            <th scope="col" class="num">
              {t('connected')}
            </th>
            <th scope="col" class="num">
              {t('unstable')}
            </th>
            <th scope="col" class="num">
              {t('dropped')}
            </th>
            <th scope="col" class="num">
              {t('neverConnected')}
            </th>
            <th scope="col" class="num">
              {t('present')}
            </th>
            <th scope="col" class="num">
              {t('rate')}
            </th>
          </tr>
        }
        renderRow={(group, index) => <GroupRow key={group.unitId} group={group} index={index} onOpen={open} />}
      />
    );
  }

  return (
    <section class="wall-card" aria-labelledby="table-title">
      <h2 id="table-title">{t('tableTitle')}</h2>
      <nav class="drill" aria-label={t('drill')}>
        <ol>
          <li>
            <button
              type="button"
              class="link-button"
              aria-current={focus === null ? 'true' : undefined}
              onClick={() => (view.value = { focus: null, level: orgLevel + 1, problemsOnly: false })}
            >
              {t('top')}
            </button>
          </li>
          {trail.map((u) => (
            <li key={u.id}>
              <button
                type="button"
                class="link-button"
                aria-current={u.id === focus ? 'true' : undefined}
                onClick={() => open(u.id)}
              >
                {u.name}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div class="table-controls">
        <label>
          {t('groupBy')}{' '}
          <select
            data-testid="group-by"
            value={String(effectiveLevel)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              view.value = { ...view.value, level: v === 'each' ? 'each' : Number(v) };
            }}
          >
            {levels.map((l) => (
              <option key={l} value={String(l)}>
                {t('levelN', { n: l })}
              </option>
            ))}
            <option value="each">{t('eachBridgePoint')}</option>
          </select>
        </label>
        {effectiveLevel === 'each' && (
          <label class="check">
            <input
              type="checkbox"
              checked={problemsOnly}
              data-testid="problems-only"
              onChange={(e) => (view.value = { ...view.value, problemsOnly: e.currentTarget.checked })}
            />{' '}
            {t('showProblems')}
          </label>
        )}
      </div>
      {table}
    </section>
  );
}

function FullscreenButton({ target }: { target: () => HTMLElement | null }) {
  const on = useSignal(false);
  useEffect(() => {
    const update = () => (on.value = document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  if (!document.fullscreenEnabled) return null;
  return (
    <button
      type="button"
      class="wall-button"
      onClick={() => (on.value ? void document.exitFullscreen() : void target()?.requestFullscreen())}
    >
      {on.value ? t('exitFullscreen') : t('fullscreen')}
    </button>
  );
}

type Info = DashboardConferenceQuery['conference'];

function Dashboard({ info, store }: { info: Info; store: DashboardStore }) {
  const wall = useRef<HTMLDivElement>(null);
  const snapshot = store.snapshot;
  const link = store.link.value;
  const rows = useComputed(() => snapshot.value?.bridgePoints ?? []);
  const current = snapshot.value;
  const kind = link.kind === 'refused' ? 'offline' : link.kind;
  return (
    <div class="wall" ref={wall} data-testid="dashboard">
      <div class="wall-head">
        <p class="wall-title">
          <span class="state" data-status={current?.status ?? info.status} data-testid="conference-status">
            {common(current?.status ?? info.status)}
          </span>{' '}
          {info.documents.map((d) => d.code).join(', ')}
        </p>
        <p class="link" data-state={kind} role="status" data-testid="link-state">
          <span class="link-dot" aria-hidden="true" />
          {link.kind === 'refused'
            ? link.code in refusalWords.vi
              ? refusal(link.code as keyof typeof refusalWords.vi)
              : refusal('other', { code: link.code })
            : common(kind)}
        </p>
        {current && <p class="wall-updated">{t('updatedAt', { time: formatClock(language.value, current.at) })}</p>}
        <FullscreenButton target={() => wall.current} />
        <a class="wall-button" href={`/conferences/${info.id}`}>
          {t('back')}
        </a>
      </div>
      {current?.status === 'ENDED' && <p class="wall-note">{t('statusEnded')}</p>}
      {link.kind === 'refused' && link.code === 'UNAUTHENTICATED' && (
        <p class="wall-note" role="alert">
          <a href={signInUrl(location.pathname)}>{refusal('UNAUTHENTICATED')}</a>
        </p>
      )}
      {current ? (
        <>
          <BigNumbers totals={current.totals} peak={current.peak} />
          <div class="wall-grid">
            <Problems rows={rows} />
            <section class="wall-card">
              <TimelineChart
                conferenceId={info.id}
                startedAt={info.startedAt ?? null}
                snapshot={snapshot}
                t={t}
                lang={language.value}
              />
            </section>
          </div>
          <UnitTable snapshot={snapshot as ReadonlySignal<LiveSnapshot>} />
        </>
      ) : (
        link.kind !== 'refused' && (
          <p class="wall-note" role="status">
            {t('waiting')}
          </p>
        )
      )}
    </div>
  );
}

/** `/conferences/:id/live`: the organizer's wall screen. */
export function DashboardPage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const info = useSignal<
    { status: 'loading' } | { status: 'ready'; info: Info } | { status: 'failed'; message: string }
  >({ status: 'loading' });
  const store = useMemo(() => openDashboard(id), [id]);
  useEffect(() => () => store.close(), [store]);
  useEffect(() => {
    let alive = true;
    request(dashboardConferenceQuery, { id }).then(
      (data) => {
        if (alive) info.value = { status: 'ready', info: data.conference };
      },
      (error) => {
        if (alive) info.value = { status: 'failed', message: describeError(error) };
      },
    );
    return () => {
      alive = false;
    };
  }, [id]);
  const state = info.value;
  return (
    <Page title={state.status === 'ready' ? state.info.title : t('title')} wide>
      {state.status === 'loading' && (
        <p class="muted" role="status">
          {t('waiting')}
        </p>
      )}
      {state.status === 'failed' && (
        <p class="notice notice--error" role="alert">
          {t('notFound')} {state.message}
        </p>
      )}
      {state.status === 'ready' && <Dashboard info={state.info} store={store} />}
    </Page>
  );
}
