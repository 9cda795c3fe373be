import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { ROOT, type TreeUnit, UnitTreeStore } from '../admin/unit-tree.tsx';
import { Field, focusSoon } from '../components/field.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { describeError } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { language, t } from '../lib/i18n.ts';
import { kindName } from '../lib/roles.ts';
import { useLoad } from '../lib/use-load.ts';
import { viewer } from '../lib/viewer.ts';
import { type PickedUnit, pathText, pickedFrom, searchStatusText, UnitPicker } from '../units/unit-picker.tsx';
import { useUnitSearch } from '../units/unit-search.ts';
import { assignSurveyMutation, unitKindsQuery } from './documents.ts';
import { s } from './strings.ts';
import { type OrganizerSurvey, SurveyFrame, surveyHref, useSurvey } from './survey-common.tsx';

type Chosen = ReadonlyMap<string, PickedUnit>;

function CheckRow({
  unit,
  chosen,
  onToggle,
}: {
  unit: { id: string; code: string; name: string };
  chosen: Chosen;
  onToggle: (on: boolean) => void;
}) {
  return (
    <label class="tree-check" for={`pick-${unit.id}`}>
      <input
        id={`pick-${unit.id}`}
        type="checkbox"
        checked={chosen.has(unit.id)}
        onChange={(e) => onToggle(e.currentTarget.checked)}
        data-testid={`pick-${unit.code}`}
      />
      <span>{unit.name}</span>
    </label>
  );
}

/** The unit tree with a checkbox on every unit, opened one level at a time (only what is open is loaded). */
function CheckTree({
  store,
  parentKey,
  path,
  chosen,
  toggle,
}: {
  store: UnitTreeStore;
  parentKey: string;
  path: string[];
  chosen: Chosen;
  toggle: (unit: PickedUnit, on: boolean) => void;
}) {
  const level = store.children.value.get(parentKey);
  if (!level) return null;
  return (
    <>
      {level.items.length > 0 && (
        <ul class="tree">
          {level.items.map((unit: TreeUnit) => {
            const open = store.expanded.value.has(unit.id);
            return (
              <li key={unit.id} class="tree-item">
                <div class="tree-row">
                  {unit.childCount > 0 ? (
                    <button
                      type="button"
                      class="tree-toggle"
                      aria-expanded={open}
                      onClick={() => store.toggle(unit.id)}
                      data-testid={`open-${unit.code}`}
                    >
                      <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                      <span class="sr-only">{t(open ? 'tree.collapse' : 'tree.expand', { name: unit.name })}</span>
                    </button>
                  ) : (
                    <span class="tree-toggle tree-toggle--leaf" aria-hidden="true" />
                  )}
                  <CheckRow
                    unit={unit}
                    chosen={chosen}
                    onToggle={(on) => toggle({ id: unit.id, code: unit.code, name: unit.name, path }, on)}
                  />
                  <span class="tree-meta muted">
                    {kindName(unit.kind, unit.code)}
                    {unit.childCount > 0 && ` · ${t('tree.childCount', { n: unit.childCount })}`}
                  </span>
                </div>
                {open && (
                  <CheckTree
                    store={store}
                    parentKey={unit.id}
                    path={[...path, unit.name]}
                    chosen={chosen}
                    toggle={toggle}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {level.status === 'loading' && (
        <p class="tree-status muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {level.status === 'failed' && (
        <p class="tree-status field-error" role="alert">
          {describeError(level.error)}
        </p>
      )}
      {level.status !== 'loading' && level.hasNextPage && (
        <button
          type="button"
          class="button button--quiet tree-more"
          onClick={() => void store.load(parentKey, { more: true })}
        >
          {t('tree.more', { n: level.totalCount - level.items.length })}
        </button>
      )}
    </>
  );
}

function scopeUnit(): PickedUnit | null {
  const unit = viewer.value?.scopeUnit;
  return unit ? { id: unit.id, code: unit.code, name: unit.name, path: unit.ancestors.map((a) => a.name) } : null;
}

function Assign({ survey, reload }: { survey: OrganizerSurvey; reload: () => Promise<void> }) {
  const scope = scopeUnit();
  const store = useMemo(() => new UnitTreeStore(), []);
  const chosen = useSignal<Chosen>(new Map());
  const useRule = useSignal(false);
  const under = useSignal<PickedUnit | null>(scope);
  const kinds = useSignal<ReadonlySet<string>>(new Set(['COMMUNE_COMMITTEE']));
  const level = useSignal('');
  const text = useSignal('');
  const search = useUnitSearch(text.value, { first: 20 });
  const count = useSignal<{
    status: 'idle' | 'counting' | 'ready' | 'failed';
    added?: number;
    already?: number;
    error?: string;
  }>({
    status: 'idle',
  });
  const busy = useSignal(false);
  const notice = useSignal<NoticeValue>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const kindList = useLoad(
    () => request(unitKindsQuery).then((d) => [...d.unitKinds].sort((a, b) => a.sortOrder - b.sortOrder)),
    [],
  );
  const closed = survey.status !== 'DRAFT' && survey.status !== 'OPEN';

  useEffect(() => {
    void store.load(scope ? scope.id : ROOT);
  }, []);

  const input = () => {
    const rule = useRule.value && under.value;
    return {
      surveyId: survey.id,
      unitIds: [...chosen.value.keys()],
      ...(rule
        ? {
            underId: under.value!.id,
            kindCodes: kinds.value.size ? [...kinds.value] : null,
            levels: level.value ? [Number(level.value)] : null,
          }
        : {}),
    };
  };
  const key = JSON.stringify(input());
  const empty = chosen.value.size === 0 && !(useRule.value && under.value);

  // How many units the choice adds, counted by the server itself (dry run) a moment after it changes.
  useEffect(() => {
    if (empty || closed) {
      count.value = { status: 'idle' };
      return;
    }
    count.value = { ...count.peek(), status: 'counting' };
    let alive = true;
    const timer = setTimeout(async () => {
      try {
        const data = await request(assignSurveyMutation, { input: { ...input(), dryRun: true } });
        if (alive)
          count.value = { status: 'ready', added: data.assignSurvey.added, already: data.assignSurvey.alreadyAssigned };
      } catch (error) {
        if (alive) count.value = { status: 'failed', error: describeError(error) };
      }
    }, 300);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [key]);

  const toggle = (unit: PickedUnit, on: boolean) => {
    const next = new Map(chosen.value);
    if (on) next.set(unit.id, unit);
    else next.delete(unit.id);
    chosen.value = next;
  };

  const assign = async () => {
    busy.value = true;
    try {
      const data = await request(assignSurveyMutation, { input: input() });
      const { added, alreadyAssigned } = data.assignSurvey;
      notice.value = { kind: 'success', text: () => s('assign.done', { added, already: alreadyAssigned }) };
      chosen.value = new Map();
      useRule.value = false;
      await reload();
    } catch (error) {
      notice.value = { kind: 'error', text: () => describeError(error) };
    } finally {
      busy.value = false;
      focusSoon(() => noticeRef.current);
    }
  };

  const c = count.value;
  const results = search.status === 'done' ? search.units : [];
  const en = language.value === 'en';
  return (
    <>
      <p class="lead">{s('assign.lead', { n: survey.progress.assigned })}</p>
      {survey.progress.assigned > 0 && (
        <p>
          <a href={surveyHref(survey.id, 'progress')}>{s('assign.toProgress')}</a>
        </p>
      )}
      {closed && <p class="warning">{s('assign.closed')}</p>}
      <Notice value={notice.value} noticeRef={noticeRef} testId="assign-notice" />

      <section class="card" aria-labelledby="rule-title">
        <h2 id="rule-title">{s('assign.ruleTitle')}</h2>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={useRule.value}
            onChange={(e) => (useRule.value = e.currentTarget.checked)}
            data-testid="use-rule"
          />
          {s('assign.useRule')}
        </label>
        <fieldset class="section-fields" disabled={!useRule.value}>
          <legend class="sr-only">{s('assign.ruleTitle')}</legend>
          <UnitPicker
            id="rule-under"
            label={s('assign.under')}
            hint={s('assign.underHint')}
            value={under.value}
            onChange={(u) => (under.value = u)}
            testId="rule-under"
          />
          <fieldset class="fieldset">
            <legend>{s('assign.kinds')}</legend>
            <p class="field-hint">{s('assign.kindsHint')}</p>
            {kindList.status === 'ready' &&
              kindList.data.map((k) => (
                <label class="checkbox" key={k.code}>
                  <input
                    type="checkbox"
                    checked={kinds.value.has(k.code)}
                    onChange={(e) => {
                      const next = new Set(kinds.value);
                      if (e.currentTarget.checked) next.add(k.code);
                      else next.delete(k.code);
                      kinds.value = next;
                    }}
                    data-testid={`kind-${k.code}`}
                  />
                  {en ? k.nameEn : k.nameVi}
                </label>
              ))}
          </fieldset>
          <Field id="rule-level" label={s('assign.level')} hint={s('assign.levelHint')}>
            <select
              id="rule-level"
              class="input--medium"
              value={level.value}
              onChange={(e) => (level.value = e.currentTarget.value)}
              aria-describedby="rule-level-hint"
            >
              <option value="">{s('assign.anyLevel')}</option>
              {[2, 3, 4, 5, 6].map((n) => (
                <option key={n} value={String(n)}>
                  {s('levelN', { n })}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
      </section>

      <section class="card" aria-labelledby="pick-title">
        <h2 id="pick-title">{s('assign.pickTitle')}</h2>
        <div class="field">
          <label for="assign-search">{s('assign.search')}</label>
          <input
            id="assign-search"
            type="search"
            autocomplete="off"
            spellcheck={false}
            value={text.value}
            onInput={(e) => (text.value = e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault();
            }}
            aria-describedby="assign-search-hint"
            data-testid="assign-search"
          />
          <p class="field-hint" id="assign-search-hint">
            {t('units.searchHint')}
          </p>
        </div>
        <p class="search-status muted" role="status" aria-live="polite">
          {searchStatusText(search)}
        </p>
        {results.length > 0 && (
          <ul class="result-list check-results" aria-label={s('assign.results')} data-testid="assign-results">
            {results.map((unit) => (
              <li key={unit.id} class="result">
                <CheckRow unit={unit} chosen={chosen.value} onToggle={(on) => toggle(pickedFrom(unit), on)} />
                <span class="result-path muted">
                  {[kindName(unit.kind), pathText(unit.ancestors.map((a) => a.name))].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        )}
        <h3>{s('assign.tree')}</h3>
        <div class="tree-root" data-testid="assign-tree">
          {scope ? (
            <ul class="tree">
              <li class="tree-item">
                <div class="tree-row">
                  <span class="tree-toggle tree-toggle--leaf" aria-hidden="true" />
                  <CheckRow unit={scope} chosen={chosen.value} onToggle={(on) => toggle(scope, on)} />
                </div>
                <CheckTree
                  store={store}
                  parentKey={scope.id}
                  path={[...scope.path, scope.name]}
                  chosen={chosen.value}
                  toggle={toggle}
                />
              </li>
            </ul>
          ) : (
            <CheckTree store={store} parentKey={ROOT} path={[]} chosen={chosen.value} toggle={toggle} />
          )}
        </div>
        {chosen.value.size > 0 && (
          <>
            <h3>{s('assign.chosen', { n: chosen.value.size })}</h3>
            <ul class="chips" data-testid="assign-chosen">
              {[...chosen.value.values()].map((u) => (
                <li key={u.id} class="chip">
                  <span>{u.name}</span>
                  <button
                    type="button"
                    class="chip-remove"
                    onClick={() => toggle(u, false)}
                    aria-label={s('assign.unchoose', { name: u.name })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section class="card assign-confirm" aria-labelledby="confirm-title">
        <h2 id="confirm-title">{s('assign.confirmTitle')}</h2>
        <p role="status" aria-live="polite" data-testid="assign-count">
          {empty
            ? s('assign.nothing')
            : c.status === 'counting' || c.status === 'idle'
              ? s('assign.counting')
              : c.status === 'failed'
                ? c.error
                : c.already
                  ? s('assign.countWithAlready', { n: c.added ?? 0, already: c.already })
                  : s('assign.count', { n: c.added ?? 0 })}
        </p>
        <button
          type="button"
          class="button button--primary"
          disabled={closed || empty || busy.value || c.status !== 'ready' || !c.added}
          onClick={() => void assign()}
          data-testid="assign-submit"
        >
          {busy.value ? s('saving') : s('assign.submit', { n: c.status === 'ready' ? (c.added ?? 0) : 0 })}
        </button>
      </section>
    </>
  );
}

/** Choosing the units that answer: a rule (all units of some kinds under a unit) and/or units one by one. */
export function AssignPage() {
  const { params } = useRoute();
  const state = useSurvey(params.id ?? '');
  return (
    <SurveyFrame state={state} tab="assign">
      {(survey) => <Assign key={survey.id} survey={survey} reload={state.reload} />}
    </SurveyFrame>
  );
}
