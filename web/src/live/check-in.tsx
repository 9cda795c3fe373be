/**
 * The participant's check-in page, `/check-in/<conferenceId>?code=<CODE>` (what the QR code on the
 * site's screen opens): name, optional party card number, one button, then "you are checked in at
 * <bridge point>". The participant counts as present while this page stays connected; Socket.IO
 * reconnects by itself with the same details. A separate small entry (check-in.html), for cheap phones.
 */
import {
  liveLimits,
  normaliseCheckInCode,
  normaliseMemberNumber,
  normaliseParticipantName,
  type ParticipantCheckedIn,
} from '@diemcau/schema';
import { useSignal } from '@preact/signals';
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { type LinkState, openLive, type ParticipantSocket } from './connection.ts';
import { common, LangSwitch, LinkBadge, lang, refusalText } from './public-page.tsx';
import { checkInWords, formatClock, translator } from './strings.ts';
import './public.css';

const t = translator(checkInWords, () => lang.value);
const conferenceId = decodeURIComponent(location.pathname.split('/check-in/')[1]?.split('/')[0] ?? '');
const codeFromLink = normaliseCheckInCode(new URLSearchParams(location.search).get('code') ?? '');
const rememberKey = 'diemcau.check-in';
const memberNumberPattern = /^[A-Z0-9]{1,20}$/;

type Remembered = { name: string; memberNumber: string };

function remembered(): Remembered {
  try {
    const value = JSON.parse(localStorage.getItem(rememberKey) ?? 'null') as Partial<Remembered> | null;
    return { name: value?.name ?? '', memberNumber: value?.memberNumber ?? '' };
  } catch {
    return { name: '', memberNumber: '' };
  }
}

function remember(value: Remembered): void {
  try {
    localStorage.setItem(rememberKey, JSON.stringify(value));
  } catch {
    // storage blocked: nothing to prefill next time
  }
}

type Problems = { name?: string; memberNumber?: string; code?: string };

function check(name: string, memberNumber: string, code: string): Problems {
  const problems: Problems = {};
  const cleanName = normaliseParticipantName(name);
  if (!cleanName) problems.name = t('nameRequired');
  else if (cleanName.length > liveLimits.participantNameMax) {
    problems.name = t('nameTooLong', { max: liveLimits.participantNameMax });
  }
  const number = normaliseMemberNumber(memberNumber);
  if (number && !memberNumberPattern.test(number)) {
    problems.memberNumber = t('memberNumberInvalid', { max: liveLimits.memberNumberMax });
  }
  if (!normaliseCheckInCode(code)) problems.code = t('codeRequired');
  return problems;
}

function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onValue: (v: string) => void;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric';
  upper?: boolean;
  maxLength: number;
}) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        value={props.value}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        autoCapitalize={props.upper ? 'characters' : 'words'}
        spellcheck={false}
        class={props.upper ? 'upper' : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
        onInput={(e) => props.onValue((e.currentTarget as HTMLInputElement).value)}
      />
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

function CheckInApp() {
  const saved = remembered();
  const name = useSignal(saved.name);
  const memberNumber = useSignal(saved.memberNumber);
  const code = useSignal(codeFromLink);
  const problems = useSignal<Problems>({});
  const link = useSignal<{ socket: ParticipantSocket; state: { value: LinkState }; close: () => void } | null>(null);
  const done = useSignal<ParticipantCheckedIn | null>(null);
  const slow = useSignal(false);
  const status = useSignal<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t('title')} — Điểm cầu`;
  }, [lang.value]);
  useEffect(() => () => link.value?.close(), []);

  const state = link.value?.state.value ?? null;
  const refused = state?.kind === 'refused' ? state : null;
  const busy = link.value !== null && !done.value && !refused;

  useEffect(() => {
    if (!refused || done.value) return;
    // A refusal ends this attempt: show why, next to the field it concerns, and let them try again.
    link.value?.close();
    link.value = null;
    if (refused.code === 'BAD_CHECK_IN_CODE') {
      problems.value = { code: refusalText(refused.code) };
      setTimeout(() => document.getElementById('code')?.focus(), 0);
    } else {
      status.value = refusalText(refused.code);
    }
  }, [refused?.code]);

  const submit = (event: Event) => {
    event.preventDefault();
    status.value = null;
    const found = check(name.value, memberNumber.value, code.value);
    problems.value = found;
    if (Object.keys(found).length > 0) {
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    const details = {
      name: normaliseParticipantName(name.value),
      memberNumber: normaliseMemberNumber(memberNumber.value) ?? '',
    };
    remember(details);
    slow.value = false;
    const opened = openLive(location.origin, '/participant', {
      conferenceId,
      code: normaliseCheckInCode(code.value),
      name: details.name,
      memberNumber: details.memberNumber || null,
    });
    const timer = setTimeout(() => {
      slow.value = true;
    }, 8000);
    opened.socket.on('participant:checked-in', (checkedIn) => {
      clearTimeout(timer);
      done.value = checkedIn;
      setTimeout(() => doneHeading.current?.focus(), 0);
    });
    opened.socket.on('conference:status', (event) => {
      if (done.value) done.value = { ...done.value, status: event.status };
    });
    link.value = opened;
  };

  const startOver = () => {
    link.value?.close();
    link.value = null;
    done.value = null;
    name.value = '';
    memberNumber.value = '';
    remember({ name: '', memberNumber: '' });
    setTimeout(() => document.getElementById('name')?.focus(), 0);
  };

  return (
    <div class="shell">
      <header class="top">
        <span class="brand">Điểm cầu</span>
        <LangSwitch />
      </header>
      <main class="content" id="main">
        {done.value ? (
          <section class="done" aria-labelledby="done-title" data-testid="checked-in">
            <h1 id="done-title" tabIndex={-1} ref={doneHeading}>
              <span class="tick" aria-hidden="true">
                ✓
              </span>{' '}
              {t('doneTitle')}
            </h1>
            <p class="big">{t('doneAt', { place: done.value.bridgePoint.displayName })}</p>
            <dl class="facts">
              <dt>{t('doneConference')}</dt>
              <dd>{done.value.conferenceTitle}</dd>
              <dt>{t('name')}</dt>
              <dd>
                {done.value.name}
                {done.value.memberNumber ? ` (${done.value.memberNumber})` : ''}
              </dd>
              <dt>{t('doneTime')}</dt>
              <dd>{formatClock(lang.value, done.value.firstSeenAt)}</dd>
            </dl>
            {done.value.status === 'SCHEDULED' && <p>{t('notStarted')}</p>}
            {done.value.status === 'ENDED' ? <p>{t('ended')}</p> : <p class="hint">{t('keepOpen')}</p>}
            {state && done.value.status !== 'ENDED' && <LinkBadge state={state} />}
            <button type="button" class="button button--quiet" onClick={startOver}>
              {t('again')}
            </button>
          </section>
        ) : (
          <form ref={form} onSubmit={submit} noValidate aria-labelledby="title">
            <h1 id="title">{t('title')}</h1>
            <p>{t('intro')}</p>
            <Field
              id="name"
              label={t('name')}
              value={name.value}
              onValue={(v) => (name.value = v)}
              error={problems.value.name}
              autoComplete="name"
              maxLength={liveLimits.participantNameMax + 20}
            />
            <Field
              id="member-number"
              label={t('memberNumber')}
              hint={t('memberNumberHint', { max: liveLimits.memberNumberMax })}
              value={memberNumber.value}
              onValue={(v) => (memberNumber.value = v)}
              error={problems.value.memberNumber}
              autoComplete="off"
              upper
              maxLength={liveLimits.memberNumberMax + 10}
            />
            <Field
              id="code"
              label={t('code')}
              hint={t('codeHint')}
              value={code.value}
              onValue={(v) => (code.value = v)}
              error={problems.value.code}
              autoComplete="off"
              upper
              maxLength={12}
            />
            <button type="submit" class="button button--primary button--big" disabled={busy} data-testid="check-in">
              {busy ? t('submitting') : t('submit')}
            </button>
            <p class="status" role="status">
              {busy && state?.kind === 'reconnecting' ? common('reconnecting') : busy && slow.value ? t('slow') : ''}
            </p>
            <p class="status status--error" role="alert">
              {status.value ?? ''}
            </p>
          </form>
        )}
      </main>
    </div>
  );
}

render(<CheckInApp />, document.getElementById('app') as HTMLElement);
