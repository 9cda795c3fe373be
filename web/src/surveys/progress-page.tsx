import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { Bar } from '../components/bar.tsx';
import { ConfirmDialog, Dialog } from '../components/dialog.tsx';
import { describedBy, Field, focusSoon } from '../components/field.tsx';
import { LoadStatus } from '../components/load-status.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { ProgressTable } from '../components/progress-table.tsx';
import type { AssignmentState, SurveyAssignmentsQuery } from '../gql/graphql.ts';
import { describeError } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { formatDateTimeShort } from '../lib/i18n.ts';
import { useLoad } from '../lib/use-load.ts';
import { viewer } from '../lib/viewer.ts';
import { pathText } from '../units/unit-picker.tsx';
import {
  assignmentsQuery,
  extendDeadlineMutation,
  progressByLevelQuery,
  respondentLinksCsvQuery,
  revokeLinkMutation,
  rotateLinkMutation,
  withdrawAssignmentsMutation,
} from './documents.ts';
import { pct, s } from './strings.ts';
import {
  downloadText,
  fromVietnamInput,
  type OrganizerSurvey,
  SurveyFrame,
  surveyHref,
  toVietnamInput,
  useSurvey,
} from './survey-common.tsx';

type Row = SurveyAssignmentsQuery['assignments']['edges'][number]['node'];

const filters = {
  pending: ['NOT_OPENED', 'OPENED', 'DRAFT'],
  NOT_OPENED: ['NOT_OPENED'],
  OPENED: ['OPENED'],
  DRAFT: ['DRAFT'],
  submitted: ['SUBMITTED', 'AMENDED'],
  all: [],
} satisfies Record<string, AssignmentState[]>;
type Filter = keyof typeof filters;

function Overview({ survey }: { survey: OrganizerSurvey }) {
  const p = survey.progress;
  const share = p.assigned ? p.submitted / p.assigned : 0;
  return (
    <section class="card" aria-labelledby="overview-title">
      <h2 id="overview-title">{s('progress.overview')}</h2>
      {p.assigned === 0 ? (
        <p>
          {s('noUnitsYet')} <a href={surveyHref(survey.id, 'assign')}>{s('progress.toAssign')}</a>
        </p>
      ) : (
        <>
          <Bar
            share={share}
            label={s('submittedOf', { submitted: p.submitted, assigned: p.assigned, rate: pct(share) })}
          />
          <dl class="counts-grid" data-testid="progress-counts">
            <div>
              <dt>{s('state.SUBMITTED')}</dt>
              <dd data-testid="count-submitted">{p.submitted}</dd>
            </div>
            <div>
              <dt>{s('state.DRAFT')}</dt>
              <dd data-testid="count-draft">{p.draft}</dd>
            </div>
            <div>
              <dt>{s('state.OPENED')}</dt>
              <dd data-testid="count-opened">{p.opened}</dd>
            </div>
            <div>
              <dt>{s('state.NOT_OPENED')}</dt>
              <dd data-testid="count-not-opened">{p.notOpened}</dd>
            </div>
            <div>
              <dt>{s('progress.amended')}</dt>
              <dd>{p.amended}</dd>
            </div>
          </dl>
          {survey.closesAt && <p class="muted">{s('deadlineAt', { at: formatDateTimeShort(survey.closesAt) })}</p>}
        </>
      )}
    </section>
  );
}

/** Submitted, drafts and not opened, rolled up at a level of the tree (the analytics query's progress). */
function ByLevel({ survey, deepest }: { survey: OrganizerSurvey; deepest: number }) {
  // From the viewer's own level (a district organizer starts at the district) down to the deepest assigned unit.
  const top = (viewer.value?.scopeUnit?.ancestors.length ?? 0) + 1;
  const levels = Array.from({ length: Math.max(1, deepest - top + 1) }, (_, i) => top + i);
  const level = useSignal(Math.min(top + 1, deepest));
  const state = useLoad(
    () =>
      request(progressByLevelQuery, { surveyId: survey.id, level: level.value }).then(
        (d) => d.surveyAnalytics.progress,
      ),
    [survey.id, level.value, survey.progress.submitted, survey.progress.assigned],
  );
  return (
    <section class="card" aria-labelledby="level-title">
      <h2 id="level-title">{s('progress.byLevel')}</h2>
      <Field id="progress-level" label={s('progress.level')}>
        <select
          id="progress-level"
          class="input--medium"
          value={String(level.value)}
          onChange={(e) => (level.value = Number(e.currentTarget.value))}
          data-testid="progress-level"
        >
          {levels.map((n) => (
            <option key={n} value={String(n)}>
              {s('levelN', { n })}
            </option>
          ))}
        </select>
      </Field>
      <LoadStatus state={state} />
      {state.status === 'ready' && (
        <ProgressTable
          groups={state.data.groups}
          total={state.data.total}
          percent={pct}
          caption={s('progress.byLevelCaption', { n: level.value })}
          testId="progress-by-level"
          labels={{
            unit: s('progress.unit'),
            assigned: s('progress.assigned'),
            submitted: s('state.SUBMITTED'),
            rate: s('progress.rate'),
            late: s('progress.lateColumn'),
            drafts: s('state.DRAFT'),
            opened: s('state.OPENED'),
            notOpened: s('state.NOT_OPENED'),
            total: s('progress.total'),
          }}
        />
      )}
    </section>
  );
}

type Act = { kind: 'extend' | 'rotate' | 'revoke' | 'withdraw'; rows: Row[] } | null;

function ExtendDialog({ act, onClose, onDone }: { act: Act; onClose: () => void; onDone: (message: string) => void }) {
  const row = act?.kind === 'extend' ? act.rows[0] : undefined;
  const value = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  useEffect(() => {
    value.value = toVietnamInput(row?.deadline);
    error.value = null;
  }, [row?.id]);
  const save = async (deadline: string | null) => {
    if (!row) return;
    busy.value = true;
    error.value = null;
    try {
      await request(extendDeadlineMutation, { assignmentId: row.id, deadline });
      onDone(
        deadline
          ? s('extend.done', { name: row.unit?.name ?? '', at: formatDateTimeShort(deadline) })
          : s('extend.reset', { name: row.unit?.name ?? '' }),
      );
    } catch (e) {
      error.value = describeError(e);
    } finally {
      busy.value = false;
    }
  };
  return (
    <Dialog
      id="extend-dialog"
      open={!!row}
      title={s('extend.title', { name: row?.unit?.name ?? '' })}
      onClose={onClose}
    >
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const iso = fromVietnamInput(value.value);
          if (!iso) {
            error.value = s('form.badTime');
            return;
          }
          void save(iso);
        }}
      >
        <p>{row?.deadline ? s('extend.current', { at: formatDateTimeShort(row.deadline) }) : s('noDeadline')}</p>
        <Field id="extend-at" label={s('extend.label')} hint={s('form.closesAtHint')} error={error.value}>
          <input
            id="extend-at"
            type="datetime-local"
            value={value.value}
            onInput={(e) => (value.value = e.currentTarget.value)}
            {...describedBy({ id: 'extend-at', hint: s('form.closesAtHint'), error: error.value })}
          />
        </Field>
        <div class="actions dialog-actions">
          <button type="submit" class="button button--primary" disabled={busy.value} data-testid="extend-confirm">
            {s('extend.confirm')}
          </button>
          {row?.deadlineExtended && (
            <button type="button" class="button" disabled={busy.value} onClick={() => void save(null)}>
              {s('extend.undo')}
            </button>
          )}
          <button type="button" class="button" onClick={onClose}>
            {s('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function UnitRow({
  row,
  selected,
  onSelect,
  onAct,
  onCopy,
}: {
  row: Row;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onAct: (kind: NonNullable<Act>['kind']) => void;
  onCopy: () => void;
}) {
  const name = row.unit?.name ?? '';
  return (
    <li class="item asg-item" data-testid={`unit-${row.unit?.code}`}>
      <div class="item-head">
        <label class="checkbox">
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />
          <span class="item-title">{name}</span>
        </label>
        <span class="badge" data-state={row.state} data-testid="unit-state">
          {s(`state.${row.state}`)}
        </span>
      </div>
      <p class="muted">
        {[row.unit?.code, pathText(row.unit?.ancestors.map((a) => a.name) ?? [])].filter(Boolean).join(' · ')}
      </p>
      <p class="asg-when">
        {row.submittedAt
          ? s('unit.submitted', {
              at: formatDateTimeShort(row.submittedAt),
              by: row.submittedBy ?? '',
              receipt: row.receiptNumber ?? '',
            })
          : row.draftSavedAt
            ? s('unit.draft', { at: formatDateTimeShort(row.draftSavedAt) })
            : row.firstOpenedAt
              ? s('unit.opened', { at: formatDateTimeShort(row.firstOpenedAt) })
              : s('unit.notOpened')}
        {row.amendmentCount > 0 && ` · ${s('unit.amended', { n: row.amendmentCount })}`}
        {' · '}
        <span class={row.deadlineExtended ? 'asg-extended' : undefined}>
          {row.deadline ? s('deadlineAt', { at: formatDateTimeShort(row.deadline) }) : s('noDeadline')}
          {row.deadlineExtended && ` (${s('unit.extended')})`}
        </span>
      </p>
      {row.linkStatus === 'REVOKED' ? (
        <p class="warning">{s('unit.revoked')}</p>
      ) : (
        row.link && (
          // Shown, not linked: an organizer opening it by mistake would count as the unit opening its form.
          <p class="asg-link mono" data-testid="unit-link" title={row.link}>
            {row.link.replace(/^https?:\/\//, '').slice(0, 48)}…
          </p>
        )
      )}
      <div class="actions asg-actions">
        {row.link && (
          <button type="button" class="button" onClick={onCopy} data-testid="copy-link">
            {s('unit.copy')}
            <span class="sr-only">: {name}</span>
          </button>
        )}
        <button type="button" class="button button--quiet" onClick={() => onAct('extend')} data-testid="extend">
          {s('unit.extend')}
          <span class="sr-only">: {name}</span>
        </button>
        <details class="asg-more">
          <summary>
            {s('unit.more')}
            <span class="sr-only">: {name}</span>
          </summary>
          <div class="actions">
            <button type="button" class="button button--quiet" onClick={() => onAct('rotate')} data-testid="rotate">
              {s(row.linkStatus === 'REVOKED' ? 'unit.reissue' : 'unit.rotate')}
              <span class="sr-only">: {name}</span>
            </button>
            {row.linkStatus === 'ACTIVE' && (
              <button type="button" class="button button--quiet" onClick={() => onAct('revoke')} data-testid="revoke">
                {s('unit.revoke')}
                <span class="sr-only">: {name}</span>
              </button>
            )}
            <button type="button" class="button button--quiet" onClick={() => onAct('withdraw')} data-testid="withdraw">
              {s('unit.withdraw')}
              <span class="sr-only">: {name}</span>
            </button>
          </div>
        </details>
      </div>
    </li>
  );
}

/** The assigned units with their state, links and actions: the organizer's working list for reminders. */
function Units({ survey, reload }: { survey: OrganizerSurvey; reload: () => Promise<void> }) {
  const filter = useSignal<Filter>('pending');
  const text = useSignal('');
  const search = useSignal('');
  const extra = useSignal<Row[]>([]);
  const cursor = useSignal<string | null>(null);
  const selected = useSignal<ReadonlySet<string>>(new Set());
  const act = useSignal<Act>(null);
  const notice = useSignal<NoticeValue>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const copied = useSignal<{ id: string; link: string } | null>(null);
  const version = useSignal(0);

  // Search a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => (search.value = text.value.trim()), 250);
    return () => clearTimeout(timer);
  }, [text.value]);

  const states = filters[filter.value];
  const list = useLoad(async () => {
    extra.value = [];
    const data = await request(assignmentsQuery, {
      surveyId: survey.id,
      states: states.length ? states : null,
      search: search.value || null,
    });
    cursor.value = data.assignments.pageInfo.hasNextPage ? (data.assignments.pageInfo.endCursor ?? null) : null;
    return data.assignments;
  }, [survey.id, filter.value, search.value, version.value]);
  const more = async () => {
    const data = await request(assignmentsQuery, {
      surveyId: survey.id,
      states: states.length ? states : null,
      search: search.value || null,
      after: cursor.value,
    });
    extra.value = [...extra.value, ...data.assignments.edges.map((e) => e.node)];
    cursor.value = data.assignments.pageInfo.hasNextPage ? (data.assignments.pageInfo.endCursor ?? null) : null;
  };
  const rows = list.status === 'ready' ? [...list.data.edges.map((e) => e.node), ...extra.value] : [];

  const done = (message: string) => {
    act.value = null;
    selected.value = new Set();
    notice.value = { kind: 'success', text: () => message };
    version.value += 1;
    void reload();
    focusSoon(() => noticeRef.current);
  };

  const exportCsv = async (onlyNotSubmitted: boolean) => {
    try {
      const data = await request(respondentLinksCsvQuery, { surveyId: survey.id, onlyNotSubmitted });
      downloadText(
        `duong-dan-${onlyNotSubmitted ? 'chua-gui' : 'tat-ca'}-khao-sat-${survey.id}.csv`,
        data.respondentLinksCsv,
        'text/csv;charset=utf-8',
      );
      notice.value = { kind: 'success', text: () => s('units.exported') };
    } catch (error) {
      notice.value = { kind: 'error', text: () => describeError(error) };
    }
  };

  const copy = async (row: Row) => {
    if (!row.link) return;
    try {
      await navigator.clipboard.writeText(row.link);
      copied.value = null;
      notice.value = { kind: 'success', text: () => s('unit.copied', { name: row.unit?.name ?? '' }) };
    } catch {
      // No clipboard (an insecure origin, a refusal): show the link selected, to copy by hand.
      copied.value = { id: row.id, link: row.link };
    }
  };

  const a = act.value;
  const names = (a?.rows ?? []).map((r) => r.unit?.name ?? '');
  const selectedRows = rows.filter((r) => selected.value.has(r.id));
  return (
    <section class="card" aria-labelledby="units-title">
      <h2 id="units-title">{s('units.title')}</h2>
      <p class="field-hint">{s('units.lead')}</p>
      <div class="actions">
        <button type="button" class="button" onClick={() => void exportCsv(true)} data-testid="export-pending">
          {s('units.exportPending')}
        </button>
        <button
          type="button"
          class="button button--quiet"
          onClick={() => void exportCsv(false)}
          data-testid="export-all"
        >
          {s('units.exportAll')}
        </button>
      </div>
      <Notice value={notice.value} noticeRef={noticeRef} testId="units-notice" />
      {copied.value && (
        <Field id="copy-by-hand" label={s('unit.copyByHand')}>
          <input
            id="copy-by-hand"
            readOnly
            value={copied.value.link}
            ref={(el) => {
              el?.select();
            }}
          />
        </Field>
      )}
      <div class="field-grid">
        <Field id="units-filter" label={s('units.filter')}>
          <select
            id="units-filter"
            value={filter.value}
            onChange={(e) => {
              filter.value = e.currentTarget.value as Filter;
              selected.value = new Set();
            }}
            data-testid="units-filter"
          >
            {(Object.keys(filters) as Filter[]).map((f) => (
              <option key={f} value={f}>
                {s(`filter.${f}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="units-search" label={s('units.search')}>
          <input
            id="units-search"
            type="search"
            autocomplete="off"
            value={text.value}
            onInput={(e) => (text.value = e.currentTarget.value)}
            data-testid="units-search"
          />
        </Field>
      </div>
      <LoadStatus state={list} />
      {list.status === 'ready' && (
        <>
          <p class="muted" role="status" data-testid="units-count">
            {s('units.count', { n: list.data.totalCount })}
          </p>
          {selectedRows.length > 0 && (
            <div class="actions">
              <button
                type="button"
                class="button"
                onClick={() => (act.value = { kind: 'withdraw', rows: selectedRows })}
                data-testid="withdraw-selected"
              >
                {s('units.withdrawSelected', { n: selectedRows.length })}
              </button>
            </div>
          )}
          <ul class="item-list" data-testid="units-list">
            {rows.map((row) => (
              <UnitRow
                key={row.id}
                row={row}
                selected={selected.value.has(row.id)}
                onSelect={(on) => {
                  const next = new Set(selected.value);
                  if (on) next.add(row.id);
                  else next.delete(row.id);
                  selected.value = next;
                }}
                onAct={(kind) => (act.value = { kind, rows: [row] })}
                onCopy={() => void copy(row)}
              />
            ))}
          </ul>
          {cursor.value && (
            <button type="button" class="button" onClick={() => void more()}>
              {s('showMore')}
            </button>
          )}
        </>
      )}

      <ExtendDialog act={a} onClose={() => (act.value = null)} onDone={done} />
      <ConfirmDialog
        id="rotate-dialog"
        open={a?.kind === 'rotate'}
        title={s('rotate.title', { name: names[0] ?? '' })}
        confirmLabel={s('rotate.confirm')}
        onClose={() => (act.value = null)}
        onConfirm={async () => {
          await request(rotateLinkMutation, { assignmentId: a!.rows[0]!.id });
          done(s('rotate.done', { name: names[0] ?? '' }));
        }}
      >
        <p>{s('rotate.text')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        id="revoke-dialog"
        open={a?.kind === 'revoke'}
        title={s('revoke.title', { name: names[0] ?? '' })}
        confirmLabel={s('revoke.confirm')}
        danger
        onClose={() => (act.value = null)}
        onConfirm={async () => {
          await request(revokeLinkMutation, { assignmentId: a!.rows[0]!.id });
          done(s('revoke.done', { name: names[0] ?? '' }));
        }}
      >
        <p>{s('revoke.text')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        id="withdraw-dialog"
        open={a?.kind === 'withdraw'}
        title={s('withdraw.title', { n: names.length })}
        confirmLabel={s('withdraw.confirm', { n: names.length })}
        danger
        onClose={() => (act.value = null)}
        onConfirm={async () => {
          const data = await request(withdrawAssignmentsMutation, {
            surveyId: survey.id,
            assignmentIds: a!.rows.map((r) => r.id),
          });
          done(s('withdraw.done', { n: data.withdrawAssignments }));
        }}
      >
        <p>{s('withdraw.text')}</p>
        <ul>
          {names.slice(0, 10).map((n, i) => (
            <li key={i}>{n}</li>
          ))}
          {names.length > 10 && <li>{s('withdraw.more', { n: names.length - 10 })}</li>}
        </ul>
      </ConfirmDialog>
    </section>
  );
}

/** Progress: counts, the roll-up by level, and the units with their links, deadlines and actions. */
export function ProgressPage() {
  const { params } = useRoute();
  const state = useSurvey(params.id ?? '');
  return (
    <SurveyFrame state={state} tab="progress">
      {(survey) => (
        <>
          <Overview survey={survey} />
          {survey.deepestAssignedLevel && <ByLevel survey={survey} deepest={survey.deepestAssignedLevel} />}
          <Units survey={survey} reload={state.reload} />
        </>
      )}
    </SurveyFrame>
  );
}
