import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { Page } from '../components/page.tsx';
import { t } from '../lib/i18n.ts';
import { kindName } from '../lib/roles.ts';
import { pathText, searchStatusText } from '../units/unit-picker.tsx';
import { useUnitSearch } from '../units/unit-search.ts';
import { UnitDetailPanel } from './unit-detail.tsx';
import { UnitImportExport } from './unit-import.tsx';
import { UnitKindForm } from './unit-kind-form.tsx';
import { ROOT, UnitTree, UnitTreeStore } from './unit-tree.tsx';

/** ADMIN: the unit tree, search, one unit's detail and actions, import and export. */
export function UnitsPage() {
  const store = useMemo(() => new UnitTreeStore(), []);
  const selectedId = useSignal<string | null>(null);
  const text = useSignal('');
  const includeArchived = useSignal(false);
  const search = useUnitSearch(text.value, { first: 50, includeArchived: includeArchived.value });

  useEffect(() => {
    void store.load(ROOT);
  }, []);

  const select = (id: string) => {
    selectedId.value = id;
  };

  const results = search.status === 'done' ? search.units : [];
  return (
    <Page title={t('units.title')} wide>
      <div class="admin-grid">
        <div class="admin-main">
          <section class="card" aria-labelledby="unit-search-title">
            <h2 id="unit-search-title">{t('units.searchTitle')}</h2>
            <div class="field">
              <label for="unit-search">{t('units.searchLabel')}</label>
              <input
                id="unit-search"
                type="search"
                autocomplete="off"
                spellcheck={false}
                value={text.value}
                onInput={(event) => {
                  text.value = event.currentTarget.value;
                }}
                aria-describedby="unit-search-hint"
                data-testid="unit-search"
              />
              <p class="field-hint" id="unit-search-hint">
                {t('units.searchHint')}
              </p>
            </div>
            <label class="checkbox">
              <input
                type="checkbox"
                checked={includeArchived.value}
                onChange={(event) => {
                  includeArchived.value = event.currentTarget.checked;
                  store.includeArchived = event.currentTarget.checked;
                  void store.refresh();
                }}
                data-testid="unit-include-archived"
              />
              {t('units.includeArchived')}
            </label>
            <p class="search-status muted" role="status" aria-live="polite" data-testid="unit-search-status">
              {searchStatusText(search)}
            </p>
            {results.length > 0 && (
              <ul class="result-list" aria-label={t('units.searchResults')} data-testid="unit-search-results">
                {results.map((unit) => (
                  <li key={unit.id}>
                    <button
                      type="button"
                      class="result"
                      aria-current={unit.id === selectedId.value ? 'true' : undefined}
                      onClick={() => {
                        select(unit.id);
                        void store.reveal(unit.ancestors.map((a) => a.id));
                      }}
                      data-testid={`unit-result-${unit.code}`}
                    >
                      <span class="result-name">
                        {unit.name} <span class="muted mono">({unit.code})</span>
                        {unit.archivedAt && <span class="badge"> {t('unit.archived')}</span>}
                      </span>
                      <span class="result-path muted">
                        {[kindName(unit.kind), pathText(unit.ancestors.map((a) => a.name))].filter(Boolean).join(' · ')}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section class="card" aria-labelledby="unit-tree-title">
            <h2 id="unit-tree-title">{t('units.treeTitle')}</h2>
            <p class="field-hint">{t('units.treeHint')}</p>
            <UnitTree store={store} selectedId={selectedId.value} onSelect={(unit) => select(unit.id)} />
          </section>
        </div>

        <div class="admin-side">
          {selectedId.value ? (
            <UnitDetailPanel
              unitId={selectedId.value}
              onChanged={(reveal) => {
                if (reveal) void store.reveal([reveal]);
                void store.refresh();
              }}
            />
          ) : (
            <section class="card">
              <h2>{t('unit.detailTitle')}</h2>
              <p class="muted">{t('units.noneSelected')}</p>
            </section>
          )}
          <UnitImportExport onImported={() => void store.refresh()} />
          <UnitKindForm />
        </div>
      </div>
    </Page>
  );
}
