/**
 * The bridge-point operator's console, `/operator/<conferenceId>#dco_…` (the link organizers hand
 * out; the token after `#` never reaches a server log). The site is "connected" while this page is;
 * it reports the headcount, records excused absences and always shows the state of its connection.
 * A separate small entry (operator.html), for the operator's phone or the site's laptop.
 */
import {
  type ConferenceStatus,
  type ExcusedAbsenceView,
  liveLimits,
  type OperatorState,
  type OperatorWelcome,
} from '@diemcau/schema';
import { useSignal } from '@preact/signals';
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { type LinkState, type OperatorSocket, openLive } from './connection.ts';
import { common, LangSwitch, LinkBadge, lang, refusalText } from './public-page.tsx';
import { formatClock, formatNumber, formatWhen, operatorWords, translator } from './strings.ts';
import './public.css';

const t = translator(operatorWords, () => lang.value);
const conferenceId = decodeURIComponent(location.pathname.split('/operator/')[1]?.split('/')[0] ?? '');
const token = decodeURIComponent(location.hash.replace(/^#/, ''));
const max = liveLimits.reportedHeadcountMax;

type Sent = { value: number; at: string };
type AckError = { error: { code: string; message: string } };
type AckReply<T> = T | AckError;

function isError<T>(reply: AckReply<T>): reply is { error: { code: string; message: string } } {
  return typeof reply === 'object' && reply !== null && 'error' in reply;
}

function clamp(n: number): number {
  return Math.min(max, Math.max(0, Math.round(n)));
}

/** Headcount: − / + steppers around a number field; every change is sent (the last one wins). */
function Headcount({
  socket,
  connected,
  welcome,
  state,
}: {
  socket: OperatorSocket;
  connected: boolean;
  welcome: OperatorWelcome;
  state: OperatorState;
}) {
  const draft = useSignal(String(state.reportedHeadcount ?? 0));
  // After a reload the last report is still shown, with its time.
  const reportedAt = welcome.bridgePoint.reportedAt;
  const sent = useSignal<Sent | null>(
    reportedAt && state.reportedHeadcount !== null ? { value: state.reportedHeadcount, at: reportedAt } : null,
  );
  const pending = useSignal<number | null>(null);
  const sending = useSignal(false);
  const error = useSignal<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = () => {
    const value = pending.value;
    if (value === null || !socket.connected || sending.value) return;
    sending.value = true;
    socket.timeout(10_000).emit('operator:report-headcount', { headcount: value }, (timeout, reply) => {
      sending.value = false;
      if (timeout) return; // still pending: sent again on the next change or reconnect
      if (isError(reply)) {
        error.value = t('failed', { code: reply.error.code });
        pending.value = null;
        return;
      }
      error.value = null;
      sent.value = { value: reply.reportedHeadcount, at: reply.reportedAt };
      if (pending.value === value) pending.value = null;
      else flush();
    });
  };

  useEffect(() => {
    if (connected) flush();
  }, [connected]);

  const queue = (value: number, now = false) => {
    draft.value = String(value);
    error.value = null;
    pending.value = value;
    clearTimeout(timer.current);
    if (now) flush();
    else timer.current = setTimeout(flush, 600);
  };

  const current = () => {
    const n = Number(draft.value.trim());
    return Number.isInteger(n) ? n : (state.reportedHeadcount ?? 0);
  };

  const step = (by: number) => queue(clamp(current() + by));

  const typed = (now: boolean) => {
    const text = draft.value.trim();
    const n = Number(text);
    if (text === '' || !Number.isInteger(n) || n < 0 || n > max) {
      error.value = t('headcountInvalid', { max });
      return;
    }
    queue(n, now);
  };

  const invalid = error.value !== null && error.value === t('headcountInvalid', { max });
  const status =
    pending.value !== null && !connected
      ? t('queued', { n: pending.value })
      : pending.value !== null || sending.value
        ? t('sending', { n: pending.value ?? draft.value })
        : sent.value
          ? t('sentAt', { n: sent.value.value, time: formatClock(lang.value, sent.value.at) })
          : state.reportedHeadcount !== null
            ? `${t('reported')}: ${formatNumber(lang.value, state.reportedHeadcount)}`
            : t('notSent');

  return (
    <section class="card" aria-labelledby="headcount-title">
      <h2 id="headcount-title">{t('headcountTitle')}</h2>
      <form
        class="stepper"
        onSubmit={(e) => {
          e.preventDefault();
          typed(true);
        }}
      >
        <label for="headcount">{t('headcount')}</label>
        <div class="stepper-row">
          <button type="button" class="step" onClick={() => step(-10)} aria-label={t('minusTen')}>
            −10
          </button>
          <button type="button" class="step" onClick={() => step(-1)} aria-label={t('minus')} data-testid="minus">
            −
          </button>
          <input
            id="headcount"
            class="count-input"
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            value={draft.value}
            aria-describedby="headcount-hint headcount-status"
            aria-invalid={invalid ? true : undefined}
            onInput={(e) => (draft.value = (e.currentTarget as HTMLInputElement).value)}
            onChange={() => typed(false)}
            data-testid="headcount"
          />
          <button type="button" class="step" onClick={() => step(1)} aria-label={t('plus')} data-testid="plus">
            +
          </button>
          <button type="button" class="step" onClick={() => step(10)} aria-label={t('plusTen')}>
            +10
          </button>
        </div>
        <p class="hint" id="headcount-hint">
          {t('headcountHint')}
        </p>
        <button type="submit" class="button button--primary button--big">
          {t('send')}
        </button>
        <p class="status" id="headcount-status" role="status" data-testid="headcount-status">
          {status}
        </p>
        {error.value && (
          <p class="error" role="alert">
            {error.value}
          </p>
        )}
      </form>
      <dl class="tiles">
        <div>
          <dt>{t('present')}</dt>
          <dd data-testid="present">{formatNumber(lang.value, state.present)}</dd>
        </div>
        <div>
          <dt>{t('checkIns')}</dt>
          <dd data-testid="check-ins">{formatNumber(lang.value, state.checkIns)}</dd>
        </div>
        <div>
          <dt>{t('expected')}</dt>
          <dd>{formatNumber(lang.value, welcome.bridgePoint.expectedHeadcount)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Excused({
  socket,
  connected,
  list,
  onList,
}: {
  socket: OperatorSocket;
  connected: boolean;
  list: ExcusedAbsenceView[];
  onList: (list: ExcusedAbsenceView[]) => void;
}) {
  const name = useSignal('');
  const reason = useSignal('');
  const problems = useSignal<{ name?: string; reason?: string }>({});
  const notice = useSignal<string | null>(null);
  const busy = useSignal(false);

  const add = (event: Event) => {
    event.preventDefault();
    const found: { name?: string; reason?: string } = {};
    if (!name.value.trim()) found.name = t('excusedNameRequired');
    if (!reason.value.trim()) found.reason = t('excusedReasonRequired');
    problems.value = found;
    if (found.name || found.reason) {
      document.getElementById(found.name ? 'excused-name' : 'excused-reason')?.focus();
      return;
    }
    if (!connected) {
      notice.value = t('needConnection');
      return;
    }
    busy.value = true;
    socket
      .timeout(10_000)
      .emit(
        'operator:add-excused-absence',
        { name: name.value.trim(), reason: reason.value.trim() },
        (timeout, reply) => {
          busy.value = false;
          if (timeout || isError(reply)) {
            notice.value = timeout ? t('needConnection') : t('failed', { code: (reply as AckError).error.code });
            return;
          }
          onList([...list, reply.absence]);
          notice.value = t('excusedAdded', { name: reply.absence.name });
          name.value = '';
          reason.value = '';
          document.getElementById('excused-name')?.focus();
        },
      );
  };

  const remove = (absence: ExcusedAbsenceView) => {
    if (!connected) {
      notice.value = t('needConnection');
      return;
    }
    socket.timeout(10_000).emit('operator:remove-excused-absence', { id: absence.id }, (timeout, reply) => {
      if (timeout || isError(reply)) {
        notice.value = timeout ? t('needConnection') : t('failed', { code: (reply as AckError).error.code });
        return;
      }
      onList(list.filter((a) => a.id !== absence.id));
      notice.value = t('excusedRemoved', { name: absence.name });
      document.getElementById('excused-name')?.focus();
    });
  };

  const field = (id: string, label: string, value: string, set: (v: string) => void, error?: string, maxLen = 100) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        value={value}
        maxLength={maxLen}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => set((e.currentTarget as HTMLInputElement).value)}
      />
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );

  return (
    <section class="card" aria-labelledby="excused-title">
      <h2 id="excused-title">
        {t('excusedTitle')} ({formatNumber(lang.value, list.length)})
      </h2>
      {list.length === 0 ? (
        <p class="hint">{t('excusedNone')}</p>
      ) : (
        <ul class="excused" data-testid="excused-list">
          {list.map((a) => (
            <li key={a.id}>
              <span>
                <strong>{a.name}</strong> — {a.reason}
              </span>
              <button
                type="button"
                class="button button--quiet"
                aria-label={t('excusedRemoveFor', { name: a.name })}
                onClick={() => remove(a)}
              >
                {t('excusedRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate>
        {field(
          'excused-name',
          t('excusedName'),
          name.value,
          (v) => (name.value = v),
          problems.value.name,
          liveLimits.excusedNameMax,
        )}
        {field(
          'excused-reason',
          t('excusedReason'),
          reason.value,
          (v) => (reason.value = v),
          problems.value.reason,
          liveLimits.excusedReasonMax,
        )}
        <button type="submit" class="button" disabled={busy.value}>
          {t('excusedAdd')}
        </button>
      </form>
      <p class="status" role="status">
        {notice.value ?? ''}
      </p>
    </section>
  );
}

function ConferenceLine({ welcome, status }: { welcome: OperatorWelcome; status: ConferenceStatus }) {
  const c = welcome.conference;
  return (
    <p class="conference-line">
      <span class="badge" data-status={status} data-testid="conference-status">
        {common(status)}
      </span>{' '}
      {c.title} · {formatWhen(lang.value, c.scheduledStartAt)}–{formatClock(lang.value, c.scheduledEndAt, false)}
    </p>
  );
}

function OperatorApp() {
  const link = useSignal<{ socket: OperatorSocket; state: { value: LinkState }; close: () => void } | null>(null);
  const welcome = useSignal<OperatorWelcome | null>(null);
  const live = useSignal<OperatorState | null>(null);
  const excused = useSignal<ExcusedAbsenceView[]>([]);
  const status = useSignal<ConferenceStatus | null>(null);
  const revoked = useSignal(false);

  useEffect(() => {
    if (!token.startsWith('dco_')) return;
    const opened = openLive(location.origin, '/operator', { conferenceId, token });
    opened.socket.on('operator:welcome', (w) => {
      welcome.value = w;
      live.value = w.state;
      excused.value = w.excusedAbsences;
      status.value = w.conference.status;
    });
    opened.socket.on('operator:state', (s) => {
      live.value = s;
    });
    opened.socket.on('conference:status', (e) => {
      status.value = e.status;
    });
    opened.socket.on('operator:revoked', () => {
      revoked.value = true;
    });
    link.value = opened;
    return () => opened.close();
  }, []);

  useEffect(() => {
    const w = welcome.value;
    document.title = w ? `${w.bridgePoint.displayName} — ${t('title')}` : `${t('title')} — Điểm cầu`;
  }, [welcome.value, lang.value]);

  const state = link.value?.state.value ?? { kind: 'connecting' as const };
  const connected = state.kind === 'connected';
  const refused = state.kind === 'refused' ? state.code : null;
  const over = revoked.value || refused === 'TOKEN_REVOKED' ? t('revoked') : refused ? refusalText(refused) : null;
  const w = welcome.value;

  return (
    <div class="shell">
      <header class="top">
        <span class="brand">Điểm cầu</span>
        <LangSwitch />
      </header>
      <main class="content" id="main">
        <h1 data-testid="operator-title">
          {w ? w.bridgePoint.displayName : t('title')}
          {w?.bridgePoint.host && <span class="badge badge--host">{t('host')}</span>}
        </h1>
        {!token.startsWith('dco_') ? (
          <p class="error" role="alert">
            {t('noToken')}
          </p>
        ) : (
          <>
            {over ? (
              <p class="banner banner--error" role="alert" data-testid="operator-refused">
                {status.value === 'ENDED' || refused === 'CONFERENCE_ENDED' ? t('ended') : over}
              </p>
            ) : (
              <div class={`banner banner--${state.kind}`}>
                <LinkBadge state={state} />
              </div>
            )}
            {w && status.value && <ConferenceLine welcome={w} status={status.value} />}
            {w && live.value && link.value && !over && (
              <>
                <Headcount socket={link.value.socket} connected={connected} welcome={w} state={live.value} />
                <section class="card" aria-labelledby="code-title">
                  <h2 id="code-title">{t('checkInTitle')}</h2>
                  <p>
                    {t('checkInHelp', {
                      url: w.bridgePoint.checkInUrl.replace(/^https?:\/\//, '').replace(/\?.*$/, ''),
                    })}
                  </p>
                  <p class="code" data-testid="check-in-code">
                    {w.bridgePoint.checkInCode}
                  </p>
                  {live.value.consoles > 1 && <p class="hint">{t('consoles', { n: live.value.consoles })}</p>}
                </section>
                <Excused
                  socket={link.value.socket}
                  connected={connected}
                  list={excused.value}
                  onList={(l) => (excused.value = l)}
                />
              </>
            )}
          </>
        )}
      </main>
    </div>
  );
}

render(<OperatorApp />, document.getElementById('app') as HTMLElement);
