import { type Signal, signal } from '@preact/signals';
import { graphql } from '../gql/gql.ts';
import type { UnitChildrenQuery, UnitsFilter } from '../gql/graphql.ts';
import { describeError } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { t } from '../lib/i18n.ts';
import { kindName } from '../lib/roles.ts';

const unitChildrenQuery = graphql(`
  query UnitChildren($filter: UnitsFilter, $first: Int, $after: String) {
    units(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
          level
          archivedAt
          childCount
          kind {
            code
            nameVi
            nameEn
          }
        }
      }
    }
  }
`);

export type TreeUnit = UnitChildrenQuery['units']['edges'][number]['node'];

type Children = {
  items: TreeUnit[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
  status: 'loading' | 'ready' | 'failed';
  error?: unknown;
};

/** The key of the top level: units without a parent. */
export const ROOT = 'root';
const pageSize = 50;
const refreshMax = 200;

/**
 * The tree's state: each opened unit's children, fetched page by page when first opened. Only what is
 * open is ever loaded, so a 2,600-unit tree costs a few dozen rows at a time.
 */
export class UnitTreeStore {
  readonly children: Signal<ReadonlyMap<string, Children>> = signal(new Map());
  readonly expanded: Signal<ReadonlySet<string>> = signal(new Set());
  includeArchived = false;

  private filterFor(key: string): UnitsFilter {
    const base = key === ROOT ? { level: 1 } : { parentId: key };
    return { ...base, includeArchived: this.includeArchived };
  }

  private set(key: string, value: Children): void {
    const next = new Map(this.children.value);
    next.set(key, value);
    this.children.value = next;
  }

  /** The first page of `key`'s children (again, when `force`), or the next one (`more`). */
  async load(key: string, options: { more?: boolean; force?: boolean; first?: number } = {}): Promise<void> {
    const current = this.children.value.get(key);
    if (current && !options.more && !options.force) return;
    if (current?.status === 'loading') return;
    const after = options.more ? (current?.endCursor ?? null) : null;
    this.set(key, {
      ...(current ?? { items: [], endCursor: null, hasNextPage: false, totalCount: 0 }),
      status: 'loading',
    });
    try {
      const { units } = await request(unitChildrenQuery, {
        filter: this.filterFor(key),
        first: options.first ?? pageSize,
        after,
      });
      const items = units.edges.map((edge) => edge.node);
      this.set(key, {
        items: options.more && current ? [...current.items, ...items] : items,
        endCursor: units.pageInfo.endCursor ?? null,
        hasNextPage: units.pageInfo.hasNextPage,
        totalCount: units.totalCount,
        status: 'ready',
      });
    } catch (error) {
      this.set(key, {
        ...(current ?? { items: [], endCursor: null, hasNextPage: false, totalCount: 0 }),
        status: 'failed',
        error,
      });
    }
  }

  toggle(id: string): void {
    const next = new Set(this.expanded.value);
    if (next.has(id)) next.delete(id);
    else {
      next.add(id);
      void this.load(id);
    }
    this.expanded.value = next;
  }

  /** Opens every unit of `ids` (a breadcrumb), so a unit found by search can be shown in place. */
  async reveal(ids: readonly string[]): Promise<void> {
    const next = new Set(this.expanded.value);
    for (const id of ids) next.add(id);
    this.expanded.value = next;
    await Promise.all(ids.map((id) => this.load(id)));
  }

  /** After a change: fetches again every list that is loaded (as many rows as it showed), forgets closed ones. */
  async refresh(): Promise<void> {
    const open = this.expanded.value;
    const keep = new Map<string, Children>();
    for (const [key, value] of this.children.value) if (key === ROOT || open.has(key)) keep.set(key, value);
    this.children.value = keep;
    await Promise.all(
      [...keep].map(([key, value]) =>
        this.load(key, { force: true, first: Math.min(refreshMax, Math.max(pageSize, value.items.length)) }),
      ),
    );
  }
}

function TreeLevel({
  store,
  parentKey,
  selectedId,
  onSelect,
}: {
  store: UnitTreeStore;
  parentKey: string;
  selectedId: string | null;
  onSelect: (unit: TreeUnit) => void;
}) {
  const level = store.children.value.get(parentKey);
  if (!level) return null;
  const remaining = level.totalCount - level.items.length;
  return (
    <>
      {level.items.length > 0 && (
        <ul class="tree" data-testid={`unit-children-${parentKey}`}>
          {level.items.map((unit) => (
            <TreeRow key={unit.id} store={store} unit={unit} selectedId={selectedId} onSelect={onSelect} />
          ))}
        </ul>
      )}
      {level.status === 'loading' && (
        <p class="tree-status muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {level.status === 'failed' && (
        <p class="tree-status field-error" role="alert">
          {describeError(level.error)}{' '}
          <button
            type="button"
            class="button button--quiet"
            onClick={() => void store.load(parentKey, { force: true })}
          >
            {t('common.retry')}
          </button>
        </p>
      )}
      {level.status === 'ready' && level.items.length === 0 && <p class="tree-status muted">{t('tree.empty')}</p>}
      {level.status !== 'loading' && level.hasNextPage && (
        <button
          type="button"
          class="button button--quiet tree-more"
          onClick={() => void store.load(parentKey, { more: true })}
          data-testid={`unit-more-${parentKey}`}
        >
          {t('tree.more', { n: remaining })}
        </button>
      )}
    </>
  );
}

function TreeRow({
  store,
  unit,
  selectedId,
  onSelect,
}: {
  store: UnitTreeStore;
  unit: TreeUnit;
  selectedId: string | null;
  onSelect: (unit: TreeUnit) => void;
}) {
  const open = store.expanded.value.has(unit.id);
  const selected = unit.id === selectedId;
  const childrenId = `unit-children-of-${unit.id}`;
  return (
    <li class="tree-item">
      <div class={selected ? 'tree-row tree-row--selected' : 'tree-row'} data-testid={`unit-row-${unit.code}`}>
        {unit.childCount > 0 ? (
          <button
            type="button"
            class="tree-toggle"
            aria-expanded={open}
            aria-controls={open ? childrenId : undefined}
            onClick={() => store.toggle(unit.id)}
            data-testid={`unit-toggle-${unit.code}`}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            <span class="sr-only">{t(open ? 'tree.collapse' : 'tree.expand', { name: unit.name })}</span>
          </button>
        ) : (
          <span class="tree-toggle tree-toggle--leaf" aria-hidden="true" />
        )}
        <button
          type="button"
          class="tree-name"
          aria-current={selected ? 'true' : undefined}
          onClick={() => onSelect(unit)}
          data-testid={`unit-select-${unit.code}`}
        >
          {unit.name}
          {unit.archivedAt && <span class="badge"> {t('unit.archived')}</span>}
        </button>
        <span class="tree-meta muted">
          {kindName(unit.kind, unit.code)}
          {unit.childCount > 0 && ` · ${t('tree.childCount', { n: unit.childCount })}`}
        </span>
      </div>
      {open && (
        <div id={childrenId}>
          <TreeLevel store={store} parentKey={unit.id} selectedId={selectedId} onSelect={onSelect} />
        </div>
      )}
    </li>
  );
}

/** The unit tree from its roots, opened one level at a time. */
export function UnitTree({
  store,
  selectedId,
  onSelect,
}: {
  store: UnitTreeStore;
  selectedId: string | null;
  onSelect: (unit: TreeUnit) => void;
}) {
  return (
    <div class="tree-root" data-testid="unit-tree">
      <TreeLevel store={store} parentKey={ROOT} selectedId={selectedId} onSelect={onSelect} />
    </div>
  );
}
