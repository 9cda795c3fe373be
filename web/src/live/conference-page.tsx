import { type Signal, useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { focusFirstError, focusSoon, TextField } from '../components/field.tsx';
import { LoadStatus } from '../components/load-status.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { Page } from '../components/page.tsx';
import type { ConferenceBridgePointsQuery, ConferenceQuery } from '../gql/graphql.ts';
import { apiOrigin } from '../lib/api.ts';
import { describeError, errorCode } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { language } from '../lib/i18n.ts';
import { kindName } from '../lib/roles.ts';
import { useLoad } from '../lib/use-load.ts';
import { type PickedUnit, UnitPicker } from '../units/unit-picker.tsx';
import { AttendanceSection } from './attendance.tsx';
import {
  conferenceBridgePointsQuery,
  conferenceQuery,
  createBridgePointMutation,
  createBridgePointsForUnitsMutation,
  deleteBridgePointMutation,
  deleteConferenceMutation,
  endConferenceMutation,
  revokeOperatorLinkMutation,
  rotateOperatorLinkMutation,
  startConferenceMutation,
  unitKindsQuery,
  updateBridgePointMutation,
  updateConferenceMutation,
} from './documents.ts';
import { Confirm, download, formatWhenVi, StatusPill, s } from './shared.tsx';
import './organizer.css';

type Conference = ConferenceQuery['conference'];
type BridgePoint = ConferenceBridgePointsQuery['conference']['bridgePoints']['edges'][number]['node'];
type Say = (notice: NoticeValue) => void;

const pageSize = 200;

function Overview({ conference, say, reload }: { conference: Conference; say: Say; reload: () => void }) {
  const { route } = useLocation();
  const c = conference;
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      say({ kind: 'success', text: () => done });
      reload();
    } catch (error) {
      const code = errorCode(error);
      say({ kind: 'error', text: () => (code === 'NO_HOST_BRIDGE_POINT' ? s('noHost') : describeError(error)) });
    }
  };
  const embed = `<script src="${apiOrigin()}/live-counter.js"></script>\n<diemcau-live-counter conference="${c.id}"></diemcau-live-counter>`;
  return (
    <section class="card" aria-labelledby="overview-title">
      <h2 id="overview-title">{s('overview')}</h2>
      <dl class="details">
        <dt>{s('organizer')}</dt>
        <dd>{c.organizingUnit.name}</dd>
        <dt>{s('schedule')}</dt>
        <dd>
          {formatWhenVi(c.scheduledStartAt)} – {formatWhenVi(c.scheduledEndAt)}
        </dd>
        {c.startedAt && (
          <>
            <dt>{s('startedAt')}</dt>
            <dd>{formatWhenVi(c.startedAt)}</dd>
          </>
        )}
        {c.endedAt && (
          <>
            <dt>{s('endedAt')}</dt>
            <dd>{formatWhenVi(c.endedAt)}</dd>
          </>
        )}
        {c.documents.length > 0 && (
          <>
            <dt>{s('documents')}</dt>
            <dd>
              <ul>
                {c.documents.map((d) => (
                  <li key={d.code}>
                    <strong>{d.code}</strong> — {d.title}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{s('bridgePointsTitle')}</dt>
        <dd data-testid="bridge-point-count">
          {s('bridgePointsN', { n: c.bridgePointCount })}
          {c.hostBridgePoint && ` · ${s('host')}: ${c.hostBridgePoint.displayName}`}
        </dd>
      </dl>
      {c.description && <p>{c.description}</p>}
      <div class="actions">
        <a class="button button--primary" href={`/conferences/${c.id}/live`} data-testid="open-dashboard">
          {s('openDashboard')}
        </a>
        {c.bridgePointCount > 0 && (
          <a class="button" href={`/conferences/${c.id}/check-in-sheet`}>
            {s('printSheet')}
          </a>
        )}
      </div>
      {c.canManage && (
        <div class="actions">
          {c.status === 'SCHEDULED' && (
            <Confirm
              label={s('startConference')}
              question={s('startConfirm', { title: c.title, n: c.bridgePointCount })}
              confirmLabel={s('startNow')}
              testId="start-conference"
              onConfirm={() => act(() => request(startConferenceMutation, { id: c.id }), s('started'))}
            />
          )}
          {c.status === 'LIVE' && (
            <Confirm
              label={s('endConference')}
              question={s('endConfirm', { title: c.title })}
              confirmLabel={s('endNow')}
              danger
              testId="end-conference"
              onConfirm={() => act(() => request(endConferenceMutation, { id: c.id }), s('ended'))}
            />
          )}
          {c.status === 'SCHEDULED' && (
            <Confirm
              label={s('deleteConference')}
              question={s('deleteConfirm', { title: c.title })}
              confirmLabel={s('deleteNow')}
              danger
              buttonClass="button button--quiet"
              onConfirm={async () => {
                try {
                  await request(deleteConferenceMutation, { id: c.id });
                  route('/conferences');
                } catch (error) {
                  say({ kind: 'error', text: () => describeError(error) });
                }
              }}
            />
          )}
        </div>
      )}
      {c.canManage && c.status !== 'ENDED' && (
        <div class="field">
          <label class="checkbox">
            <input
              type="checkbox"
              checked={c.publicCounter}
              data-testid="public-counter"
              onChange={(e) => {
                const on = e.currentTarget.checked;
                void act(
                  () => request(updateConferenceMutation, { input: { id: c.id, publicCounter: on } }),
                  on ? s('publicCounterOn') : s('publicCounterOff'),
                );
              }}
            />
            {s('publicCounter')}
          </label>
          <p class="field-hint">{s('publicCounterHint')}</p>
        </div>
      )}
      {c.publicCounter && (
        <div class="field">
          <label for="embed-code">{s('embedCode')}</label>
          <textarea id="embed-code" class="mono" readOnly rows={3} value={embed} />
        </div>
      )}
    </section>
  );
}

function LinkCell({ bp, say }: { bp: BridgePoint; say: Say }) {
  const shown = useSignal(false);
  if (!bp.operatorLink) return <span class="muted">{s('linkRevoked')}</span>;
  const link = bp.operatorLink;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      say({ kind: 'success', text: () => s('copied', { name: bp.displayName }) });
    } catch {
      shown.value = true;
      say({ kind: 'error', text: () => s('copyFailed') });
    }
  };
  return (
    <div class="link-cell">
      {shown.value && <code data-testid={`operator-link-${bp.id}`}>{link}</code>}
      <div class="row-actions">
        <button type="button" class="button" aria-expanded={shown.value} onClick={() => (shown.value = !shown.value)}>
          {shown.value ? s('hideLink') : s('showLink')}
        </button>
        <button type="button" class="button" onClick={() => void copy()}>
          {s('copy')}
        </button>
      </div>
    </div>
  );
}

function BridgePointRow({
  bp,
  conference,
  say,
  onChanged,
}: {
  bp: BridgePoint;
  conference: Conference;
  say: Say;
  onChanged: () => void;
}) {
  const manage = conference.canManage && conference.status !== 'ENDED';
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      say({ kind: 'success', text: () => done });
      onChanged();
    } catch (error) {
      say({ kind: 'error', text: () => describeError(error) });
    }
  };
  const name = bp.displayName;
  return (
    <tr data-testid={`bridge-point-${bp.id}`}>
      <th scope="row">
        {name}
        {bp.host && <span class="badge">{s('host')}</span>}
        {bp.unit.name !== name && <p class="muted">{bp.unit.name}</p>}
      </th>
      <td>{bp.unit.code}</td>
      <td>{bp.expectedHeadcount}</td>
      <td class="check-in-code">{bp.checkInCode}</td>
      <td>{conference.canManage ? <LinkCell bp={bp} say={say} /> : '—'}</td>
      <td>
        {manage && (
          <div class="row-actions">
            {!bp.host && (
              <button
                type="button"
                class="button"
                data-testid={`make-host-${bp.id}`}
                onClick={() =>
                  void run(
                    () => request(updateBridgePointMutation, { input: { id: bp.id, host: true } }),
                    s('madeHost', { name }),
                  )
                }
              >
                {s('makeHost')}
              </button>
            )}
            <Confirm
              label={s('rotate')}
              question={s('rotateConfirm', { name })}
              confirmLabel={s('rotateNow')}
              onConfirm={() => run(() => request(rotateOperatorLinkMutation, { id: bp.id }), s('rotated', { name }))}
            />
            {bp.operatorLinkActive && (
              <Confirm
                label={s('revoke')}
                question={s('revokeConfirm', { name })}
                confirmLabel={s('revokeNow')}
                danger
                onConfirm={() =>
                  run(() => request(revokeOperatorLinkMutation, { id: bp.id }), s('revokedNotice', { name }))
                }
              />
            )}
            {!bp.firstConnectedAt && (
              <Confirm
                label={s('remove')}
                question={s('removeConfirm', { name })}
                confirmLabel={s('removeNow')}
                danger
                buttonClass="button button--quiet"
                onConfirm={() => run(() => request(deleteBridgePointMutation, { id: bp.id }), s('removed', { name }))}
              />
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const validExpected = (n: number) => Number.isInteger(n) && n >= 0 && n <= 100_000;

/** Expected participants of a bridge point: a whole number 0…100,000. */
function ExpectedField(props: { id: string; label: string; value: Signal<string>; error?: string | undefined }) {
  return (
    <TextField
      id={props.id}
      type="number"
      min={0}
      max={100000}
      label={props.label}
      value={props.value.value}
      onValue={(v) => (props.value.value = v)}
      error={props.error}
      class="input--short"
    />
  );
}

function BulkCreate({ conference, say, onCreated }: { conference: Conference; say: Say; onCreated: () => void }) {
  const org = conference.organizingUnit;
  const under = useSignal<PickedUnit | null>({ id: org.id, code: org.code, name: org.name, path: [] });
  const kinds = useSignal<string[]>([]);
  const expected = useSignal('0');
  const problems = useSignal<{ under?: string; kinds?: string; expected?: string }>({});
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const loaded = useLoad(() => request(unitKindsQuery), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: typeof problems.value = {};
    if (!under.value) found.under = s('bulkUnderRequired');
    if (kinds.value.length === 0) found.kinds = s('bulkKindsRequired');
    const n = Number(expected.value);
    if (!validExpected(n)) found.expected = s('expectedInvalid');
    problems.value = found;
    if (Object.keys(found).length > 0) return focusFirstError(form.current);
    busy.value = true;
    try {
      const data = await request(createBridgePointsForUnitsMutation, {
        input: {
          conferenceId: conference.id,
          underUnitId: under.value!.id,
          kindCodes: kinds.value,
          expectedHeadcount: n,
        },
      });
      const { created, skipped } = data.createBridgePointsForUnits;
      say({ kind: 'success', text: () => s('bulkCreated', { created, skipped }) });
      onCreated();
    } catch (error) {
      say({ kind: 'error', text: () => describeError(error) });
    } finally {
      busy.value = false;
    }
  };

  return (
    <details class="action">
      <summary>{s('bulkTitle')}</summary>
      <form class="form" ref={form} onSubmit={submit} noValidate data-testid="bulk-create">
        <p class="field-hint">{s('bulkHelp')}</p>
        <UnitPicker
          id="bulk-under"
          label={s('bulkUnder')}
          value={under.value}
          onChange={(u) => (under.value = u)}
          error={problems.value.under}
          testId="bulk-under"
        />
        <fieldset class="field" aria-invalid={problems.value.kinds ? true : undefined}>
          <legend>{s('bulkKinds')}</legend>
          <LoadStatus state={loaded} />
          {loaded.status === 'ready' &&
            loaded.data.unitKinds.map((k) => (
              <label class="checkbox" key={k.code}>
                <input
                  type="checkbox"
                  value={k.code}
                  checked={kinds.value.includes(k.code)}
                  data-testid={`kind-${k.code}`}
                  onChange={(e) =>
                    (kinds.value = e.currentTarget.checked
                      ? [...kinds.value, k.code]
                      : kinds.value.filter((c) => c !== k.code))
                  }
                />
                {kindName(k)}
              </label>
            ))}
          {problems.value.kinds && <p class="field-error">{problems.value.kinds}</p>}
        </fieldset>
        <ExpectedField id="bulk-expected" label={s('expectedEach')} value={expected} error={problems.value.expected} />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy.value} data-testid="bulk-submit">
            {s('bulkCreate')}
          </button>
        </div>
      </form>
    </details>
  );
}

function SingleCreate({ conference, say, onCreated }: { conference: Conference; say: Say; onCreated: () => void }) {
  const unit = useSignal<PickedUnit | null>(null);
  const host = useSignal(false);
  const expected = useSignal('0');
  const problems = useSignal<{ unit?: string; expected?: string }>({});
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found: typeof problems.value = {};
    if (!unit.value) found.unit = s('unitRequired');
    const n = Number(expected.value);
    if (!validExpected(n)) found.expected = s('expectedInvalid');
    problems.value = found;
    if (Object.keys(found).length > 0) return focusFirstError(form.current);
    busy.value = true;
    try {
      const data = await request(createBridgePointMutation, {
        input: { conferenceId: conference.id, unitId: unit.value!.id, host: host.value, expectedHeadcount: n },
      });
      say({ kind: 'success', text: () => s('singleCreated', { name: data.createBridgePoint.displayName }) });
      unit.value = null;
      host.value = false;
      onCreated();
    } catch (error) {
      const message = describeError(error);
      if (errorCode(error) === 'CONFLICT' || errorCode(error) === 'BAD_USER_INPUT') problems.value = { unit: message };
      else say({ kind: 'error', text: () => message });
    } finally {
      busy.value = false;
    }
  };
  return (
    <details class="action">
      <summary>{s('singleTitle')}</summary>
      <form class="form" ref={form} onSubmit={submit} noValidate data-testid="single-create">
        <UnitPicker
          id="single-unit"
          label={s('singleUnit')}
          value={unit.value}
          onChange={(u) => (unit.value = u)}
          error={problems.value.unit}
          testId="single-unit"
        />
        <ExpectedField id="single-expected" label={s('expected')} value={expected} error={problems.value.expected} />
        <label class="checkbox">
          <input type="checkbox" checked={host.value} onChange={(e) => (host.value = e.currentTarget.checked)} />
          {s('singleHost')}
        </label>
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy.value}>
            {s('singleCreate')}
          </button>
        </div>
      </form>
    </details>
  );
}

function BridgePoints({ conference, say, onChanged }: { conference: Conference; say: Say; onChanged: () => void }) {
  const extra = useSignal<BridgePoint[]>([]);
  const cursor = useSignal<string | null>(null);
  const loaded = useLoad(async () => {
    extra.value = [];
    const data = await request(conferenceBridgePointsQuery, { id: conference.id, first: pageSize });
    const page = data.conference.bridgePoints;
    cursor.value = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
    return page;
  }, [conference.id]);
  const changed = () => {
    void loaded.reload();
    onChanged();
  };
  const more = async () => {
    const data = await request(conferenceBridgePointsQuery, {
      id: conference.id,
      first: pageSize,
      after: cursor.value,
    });
    const page = data.conference.bridgePoints;
    extra.value = [...extra.value, ...page.edges.map((e) => e.node)];
    cursor.value = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  };
  const linksCsv = async () => {
    const all: BridgePoint[] = [];
    let after: string | null = null;
    do {
      const data: ConferenceBridgePointsQuery = await request(conferenceBridgePointsQuery, {
        id: conference.id,
        first: pageSize,
        after,
      });
      const page = data.conference.bridgePoints;
      all.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
    } while (after);
    const header =
      language.value === 'vi'
        ? [
            'Mã đơn vị',
            'Điểm cầu',
            'Điểm cầu chính',
            'Dự kiến',
            'Mã điểm danh',
            'Liên kết điều hành',
            'Liên kết điểm danh',
          ]
        : ['Unit code', 'Bridge point', 'Host', 'Expected', 'Check-in code', 'Operator link', 'Check-in link'];
    const lines = [
      header,
      ...all.map((b) => [
        b.unit.code,
        b.displayName,
        b.host ? '1' : '',
        String(b.expectedHeadcount),
        b.checkInCode,
        b.operatorLink ?? '',
        b.checkInUrl,
      ]),
    ];
    const file = `diem-cau-hoi-nghi-${conference.id}.csv`;
    download(file, `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`, 'text/csv;charset=utf-8');
    say({ kind: 'success', text: () => s('linksCsvDone', { file }) });
  };

  const rows = loaded.status === 'ready' ? [...loaded.data.edges.map((e) => e.node), ...extra.value] : [];
  const manage = conference.canManage && conference.status !== 'ENDED';
  return (
    <section class="card" aria-labelledby="bp-title">
      <h2 id="bp-title">{s('bridgePointsTitle')}</h2>
      {manage && (
        <div class="unit-actions">
          <BulkCreate conference={conference} say={say} onCreated={changed} />
          <SingleCreate conference={conference} say={say} onCreated={changed} />
        </div>
      )}
      <LoadStatus state={loaded} />
      {loaded.status === 'ready' &&
        (loaded.data.totalCount === 0 ? (
          <p class="muted">{s('bridgePointsNone')}</p>
        ) : (
          <>
            <p>
              {s('bridgePointsCount', { n: loaded.data.totalCount })}
              {conference.canManage && (
                <>
                  {' '}
                  <button type="button" class="button button--quiet" onClick={() => void linksCsv()}>
                    {s('linksCsv')}
                  </button>
                </>
              )}
            </p>
            <div class="table-scroll">
              <table class="data-table bp-table" data-testid="bridge-points">
                <thead>
                  <tr>
                    <th scope="col">{s('name')}</th>
                    <th scope="col">{s('unit')}</th>
                    <th scope="col">{s('expected')}</th>
                    <th scope="col">{s('code')}</th>
                    <th scope="col">{s('operatorLink')}</th>
                    <th scope="col">{s('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((bp) => (
                    <BridgePointRow key={bp.id} bp={bp} conference={conference} say={say} onChanged={changed} />
                  ))}
                </tbody>
              </table>
            </div>
            {cursor.value && (
              <button type="button" class="button" onClick={() => void more()}>
                {s('loadMore', { n: Math.min(pageSize, loaded.data.totalCount - rows.length) })}
              </button>
            )}
          </>
        ))}
    </section>
  );
}

/** `/conferences/:id`: everything an organizer needs to run the conference. */
export function ConferencePage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const notice = useSignal<NoticeValue>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const loaded = useLoad(() => request(conferenceQuery, { id }), [id]);
  const reload = () => void loaded.reload();
  const say: Say = (value) => {
    notice.value = value;
    if (value?.kind === 'error') focusSoon(() => noticeRef.current);
  };
  const c = loaded.status === 'ready' ? loaded.data.conference : null;
  return (
    <Page title={c?.title ?? s('listTitle')} wide>
      <p>
        <a href="/conferences">{s('listTitle')}</a>
        {c && (
          <>
            {' · '}
            <StatusPill status={c.status} />
          </>
        )}
      </p>
      <LoadStatus state={loaded} />
      <Notice value={notice.value} noticeRef={noticeRef} testId="conference-notice" />
      {c && (
        <>
          <Overview conference={c} say={say} reload={reload} />
          {c.status !== 'SCHEDULED' && <AttendanceSection conference={c} say={say} />}
          <BridgePoints conference={c} say={say} onChanged={reload} />
        </>
      )}
    </Page>
  );
}
