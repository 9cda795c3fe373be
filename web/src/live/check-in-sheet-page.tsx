import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { Page } from '../components/page.tsx';
import type { CheckInSheetQuery } from '../gql/graphql.ts';
import { describeError } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { checkInSheetQuery } from './documents.ts';
import { s } from './shared.tsx';
import './organizer.css';

type Card = CheckInSheetQuery['conference']['bridgePoints']['edges'][number]['node'];

/**
 * `/conferences/:id/check-in-sheet`: every bridge point's check-in code with its QR code, to print
 * (several a page) or to show on the site's screen (one a page). Loaded 200 at a time.
 */
export function CheckInSheetPage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const cards = useSignal<Card[]>([]);
  const total = useSignal<number | null>(null);
  const title = useSignal('');
  const failed = useSignal<string | null>(null);
  const layout = useSignal<'grid' | 'one'>('grid');

  useEffect(() => {
    let alive = true;
    (async () => {
      let after: string | null = null;
      do {
        const data: CheckInSheetQuery = await request(checkInSheetQuery, { id, first: 200, after });
        if (!alive) return;
        const page = data.conference.bridgePoints;
        title.value = data.conference.title;
        total.value = page.totalCount;
        cards.value = [...cards.value, ...page.edges.map((e) => e.node)];
        after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
      } while (after);
    })().catch((error) => {
      if (alive) failed.value = describeError(error);
    });
    return () => {
      alive = false;
    };
  }, [id]);

  const loading = total.value === null || cards.value.length < total.value;
  return (
    <Page title={s('sheetTitle')} wide>
      <div class="no-print">
        <p>
          <a href={`/conferences/${id}`}>{title.value || s('listTitle')}</a>
        </p>
        <p class="lead">{s('sheetLead')}</p>
        <fieldset class="field">
          <legend>{s('sheetLayout')}</legend>
          <label class="checkbox">
            <input
              type="radio"
              name="layout"
              checked={layout.value === 'grid'}
              onChange={() => (layout.value = 'grid')}
            />
            {s('sheetGrid')}
          </label>
          <label class="checkbox">
            <input
              type="radio"
              name="layout"
              checked={layout.value === 'one'}
              onChange={() => (layout.value = 'one')}
            />
            {s('sheetOne')}
          </label>
        </fieldset>
        <div class="actions">
          <button type="button" class="button button--primary" disabled={loading} onClick={() => print()}>
            {s('print')}
          </button>
        </div>
        {failed.value ? (
          <p class="notice notice--error" role="alert">
            {s('failed', { message: failed.value })}
          </p>
        ) : (
          loading && (
            <p class="muted" role="status">
              {s('sheetLoading', { n: cards.value.length, total: total.value ?? '…' })}
            </p>
          )
        )}
      </div>
      <div class={layout.value === 'one' ? 'sheet sheet--one' : 'sheet'} data-testid="check-in-sheet">
        {cards.value.map((card) => (
          <article class="sheet-card" key={card.id} aria-labelledby={`card-${card.id}`}>
            <h2 id={`card-${card.id}`}>{card.displayName}</h2>
            <p class="muted">{title.value}</p>
            <img src={card.checkInQrCode} alt={card.checkInUrl} width={224} height={224} />
            <p>{s('sheetHow')}</p>
            <p class="sheet-code" data-testid={`sheet-code-${card.id}`}>
              {card.checkInCode}
            </p>
            <p class="sheet-url">{card.checkInUrl}</p>
          </article>
        ))}
      </div>
    </Page>
  );
}
