import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { describedBy, Field, focusFirstError, SelectField, TextField } from '../components/field.tsx';
import { LoadStatus } from '../components/load-status.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { Page } from '../components/page.tsx';
import type { ConferenceStatus, ConferencesQuery } from '../gql/graphql.ts';
import { describeError, errorField } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { useLoad } from '../lib/use-load.ts';
import { viewer } from '../lib/viewer.ts';
import { type PickedUnit, UnitPicker } from '../units/unit-picker.tsx';
import { conferencesQuery, createConferenceMutation } from './documents.ts';
import { common, formatWhenVi, fromVietnamLocal, StatusPill, s, toVietnamLocal } from './shared.tsx';
import './organizer.css';

type Node = ConferencesQuery['conferences']['edges'][number]['node'];

function ConferenceList() {
  const status = useSignal<'' | ConferenceStatus>('');
  const extra = useSignal<Node[]>([]);
  const cursor = useSignal<string | null>(null);
  const loaded = useLoad(async () => {
    extra.value = [];
    const data = await request(conferencesQuery, { first: 50, filter: status.value ? { status: status.value } : null });
    cursor.value = data.conferences.pageInfo.hasNextPage ? (data.conferences.pageInfo.endCursor ?? null) : null;
    return data.conferences;
  }, [status.value]);
  const more = async () => {
    const data = await request(conferencesQuery, {
      first: 50,
      after: cursor.value,
      filter: status.value ? { status: status.value } : null,
    });
    extra.value = [...extra.value, ...data.conferences.edges.map((e) => e.node)];
    cursor.value = data.conferences.pageInfo.hasNextPage ? (data.conferences.pageInfo.endCursor ?? null) : null;
  };
  const nodes = loaded.status === 'ready' ? [...loaded.data.edges.map((e) => e.node), ...extra.value] : [];
  return (
    <section class="card" aria-labelledby="list-title">
      <h2 id="list-title">{s('listTitle')}</h2>
      <SelectField
        id="conference-status"
        label={s('filterStatus')}
        value={status.value}
        onValue={(v) => (status.value = v as '' | ConferenceStatus)}
        options={[
          { value: '', label: s('all') },
          { value: 'LIVE', label: common('LIVE') },
          { value: 'SCHEDULED', label: common('SCHEDULED') },
          { value: 'ENDED', label: common('ENDED') },
        ]}
      />
      <LoadStatus state={loaded} />
      {loaded.status === 'ready' &&
        (nodes.length === 0 ? (
          <p class="muted">{s('none')}</p>
        ) : (
          <ul class="conference-list" data-testid="conference-list">
            {nodes.map((c) => (
              <li key={c.id}>
                <StatusPill status={c.status} /> <a href={`/conferences/${c.id}`}>{c.title}</a>
                <p class="muted">
                  {formatWhenVi(c.scheduledStartAt)} · {c.organizingUnit.name} ·{' '}
                  {s('bridgePointsN', { n: c.bridgePointCount })}
                  {c.status === 'LIVE' && (
                    <>
                      {' · '}
                      <a href={`/conferences/${c.id}/live`}>{s('openDashboard')}</a>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        ))}
      {cursor.value && (
        <button type="button" class="button" onClick={() => void more()}>
          {s('more')}
        </button>
      )}
    </section>
  );
}

function DateTimeField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onValue: (v: string) => void;
}) {
  const { id, label, hint, error, value, onValue } = props;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={id}
        type="datetime-local"
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        {...describedBy({ id, hint, error })}
      />
    </Field>
  );
}

type Doc = { code: string; title: string };
type Problems = Partial<Record<'title' | 'unit' | 'start' | 'end' | 'documents', string>>;

function CreateConference() {
  const { route } = useLocation();
  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = toVietnamLocal(tomorrow).slice(0, 10);
  const title = useSignal('');
  const description = useSignal('');
  const start = useSignal(`${day}T08:00`);
  const end = useSignal(`${day}T11:00`);
  const scope = viewer.value?.scopeUnit;
  const unit = useSignal<PickedUnit | null>(
    scope ? { id: scope.id, code: scope.code, name: scope.name, path: scope.ancestors.map((a) => a.name) } : null,
  );
  const docs = useSignal<Doc[]>([{ code: '', title: '' }]);
  const problems = useSignal<Problems>({});
  const busy = useSignal(false);
  const notice = useSignal<NoticeValue>(null);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Problems = {};
    if (!title.value.trim()) found.title = s('titleRequired');
    if (!unit.value) found.unit = s('organizingUnitRequired');
    const startAt = fromVietnamLocal(start.value);
    const endAt = fromVietnamLocal(end.value);
    if (!startAt) found.start = s('timeRequired');
    if (!endAt) found.end = s('timeRequired');
    else if (startAt && endAt <= startAt) found.end = s('endBeforeStart');
    problems.value = found;
    if (Object.keys(found).length > 0) {
      focusFirstError(form.current);
      return;
    }
    busy.value = true;
    notice.value = null;
    try {
      const documents = docs.value
        .filter((d) => d.code.trim() || d.title.trim())
        .map((d) => ({ code: d.code.trim(), title: d.title.trim() }));
      const data = await request(createConferenceMutation, {
        input: {
          title: title.value.trim(),
          description: description.value.trim() || null,
          organizingUnitId: unit.value!.id,
          scheduledStartAt: startAt!.toISOString(),
          scheduledEndAt: endAt!.toISOString(),
          documents,
        },
      });
      route(`/conferences/${data.createConference.id}`);
    } catch (error) {
      const field = errorField(error);
      const message = describeError(error);
      if (field === 'title') problems.value = { title: message };
      else if (field === 'scheduledEndAt') problems.value = { end: message };
      else if (field === 'organizingUnitId') problems.value = { unit: message };
      else if (field?.startsWith('documents')) problems.value = { documents: message };
      else notice.value = { kind: 'error', text: () => message };
      focusFirstError(form.current);
    } finally {
      busy.value = false;
    }
  };

  return (
    <section class="card" aria-labelledby="create-title">
      <h2 id="create-title">{s('createTitle')}</h2>
      <form class="form" ref={form} onSubmit={submit} noValidate data-testid="create-conference">
        <TextField
          id="conference-title"
          label={s('titleLabel')}
          value={title.value}
          onValue={(v) => (title.value = v)}
          error={problems.value.title}
          maxLength={300}
        />
        <UnitPicker
          id="conference-unit"
          label={s('organizingUnit')}
          hint={s('organizingUnitHint')}
          value={unit.value}
          onChange={(u) => (unit.value = u)}
          error={problems.value.unit}
          testId="conference-unit"
        />
        <div class="input-row">
          <DateTimeField
            id="conference-start"
            label={s('start')}
            hint={s('timeHint')}
            value={start.value}
            onValue={(v) => (start.value = v)}
            error={problems.value.start}
          />
          <DateTimeField
            id="conference-end"
            label={s('end')}
            value={end.value}
            onValue={(v) => (end.value = v)}
            error={problems.value.end}
          />
        </div>
        <fieldset class="field">
          <legend>{s('documents')}</legend>
          {docs.value.map((doc, i) => (
            <div class="doc-row" key={i}>
              <TextField
                id={`doc-code-${i}`}
                label={s('documentCode')}
                placeholder="21-KL/TW"
                value={doc.code}
                onValue={(v) => (docs.value = docs.value.map((d, j) => (j === i ? { ...d, code: v } : d)))}
                maxLength={50}
              />
              <TextField
                id={`doc-title-${i}`}
                label={s('documentTitle')}
                value={doc.title}
                onValue={(v) => (docs.value = docs.value.map((d, j) => (j === i ? { ...d, title: v } : d)))}
                maxLength={500}
              />
              <button
                type="button"
                class="button button--quiet"
                aria-label={s('documentRemove', { code: doc.code || String(i + 1) })}
                onClick={() => (docs.value = docs.value.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
          ))}
          {problems.value.documents && <p class="field-error">{problems.value.documents}</p>}
          <button
            type="button"
            class="button button--quiet"
            onClick={() => (docs.value = [...docs.value, { code: '', title: '' }])}
          >
            {s('documentAdd')}
          </button>
        </fieldset>
        <TextField
          id="conference-description"
          label={s('descriptionLabel')}
          value={description.value}
          onValue={(v) => (description.value = v)}
          maxLength={5000}
        />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy.value} data-testid="create-submit">
            {busy.value ? s('creating') : s('create')}
          </button>
        </div>
        <Notice value={notice.value} />
      </form>
    </section>
  );
}

/** `/conferences`: the conferences in the viewer's scope; organizers create new ones here. */
export function ConferencesPage() {
  const account = viewer.value;
  const mayCreate = account?.role === 'ORGANIZER' || account?.role === 'ADMIN';
  return (
    <Page title={s('listTitle')}>
      <p class="lead">{s('listLead')}</p>
      <ConferenceList />
      {mayCreate && <CreateConference />}
    </Page>
  );
}
