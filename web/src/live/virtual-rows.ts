import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type VirtualItem,
  Virtualizer,
} from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

/**
 * Rows of a long list inside the scrolling element `scroller`, of fixed height: only those in view
 * (plus `overscan` either side) are rendered; `before` and `after` are the heights of the rows left
 * out, for spacer rows. The same wiring as TanStack's own React adapter, for Preact.
 */
export function useVirtualRows(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 8,
): { items: VirtualItem[]; before: number; after: number; scrollToIndex: (index: number) => void } {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options = {
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    // Before the first layout (and in tests without layout), assume a screenful.
    initialRect: { width: 0, height: 800 },
    onChange: () => rerender(undefined),
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLElement, Element>(options));
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  const before = items[0]?.start ?? 0;
  const after = Math.max(0, total - (items.at(-1)?.end ?? 0));
  return { items, before, after, scrollToIndex: (index) => virtualizer.scrollToIndex(index) };
}
