/**
 * Reordering by drag, on Pragmatic drag and drop (the browser's own drag and drop, so it also works with
 * touch in current mobile browsers, and it never moves DOM nodes behind Preact's back: a drop only tells
 * us what went where, and the model changes). Keyboard users reorder with the same handle's arrow keys
 * and the move buttons; dragging is never the only way.
 */
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import { draggable, dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { useSignal } from '@preact/signals';
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export type DragItem = { kind: 'section' | 'question' | 'option'; id: string; list: string };
export type Edge = 'before' | 'after';

function isItem(data: Record<string | symbol, unknown>): data is DragItem {
  return typeof data.kind === 'string' && typeof data.id === 'string' && typeof data.list === 'string';
}

function edgeOf(element: Element, clientY: number): Edge {
  const box = element.getBoundingClientRect();
  return clientY < box.top + box.height / 2 ? 'before' : 'after';
}

/**
 * Makes `ref` a draggable item (picked up by `handle`) and a drop target for items that `accepts`; a drop
 * on it calls `onDrop(item, edge)` with the half of it the pointer was over. Returns the edge shown while
 * something is dragged over it, and whether it is being dragged itself.
 */
export function useSortable(
  ref: RefObject<HTMLElement | null>,
  handle: RefObject<HTMLElement | null>,
  item: DragItem,
  accepts: (source: DragItem) => boolean,
  onDrop: (source: DragItem, edge: Edge) => void,
) {
  const over = useSignal<Edge | null>(null);
  const dragging = useSignal(false);
  const latest = useRef({ item, accepts, onDrop });
  latest.current = { item, accepts, onDrop };
  useEffect(() => {
    const element = ref.current;
    const dragHandle = handle.current;
    if (!element || !dragHandle) return;
    return combine(
      draggable({
        element,
        dragHandle,
        getInitialData: () => ({ ...latest.current.item }),
        onDragStart: () => {
          dragging.value = true;
        },
        onDrop: () => {
          dragging.value = false;
        },
      }),
      dropTargetForElements({
        element,
        getData: () => ({ ...latest.current.item }),
        canDrop: ({ source }) =>
          isItem(source.data) && source.data.id !== latest.current.item.id && latest.current.accepts(source.data),
        onDrag: ({ location, self }) => {
          // Only the innermost target that takes the item shows where it would go.
          over.value =
            location.current.dropTargets[0]?.element === self.element
              ? edgeOf(element, location.current.input.clientY)
              : null;
        },
        onDragLeave: () => {
          over.value = null;
        },
        onDrop: ({ source, location, self }) => {
          over.value = null;
          if (location.current.dropTargets[0]?.element !== self.element || !isItem(source.data)) return;
          latest.current.onDrop(source.data, edgeOf(element, location.current.input.clientY));
        },
      }),
    );
  }, []);
  return { over: over.value, dragging: dragging.value };
}

/** A drop target for a whole list (e.g. a section without questions): a drop on it appends. */
export function useDropZone(
  ref: RefObject<HTMLElement | null>,
  accepts: (source: DragItem) => boolean,
  onDrop: (source: DragItem) => void,
) {
  const over = useSignal(false);
  const latest = useRef({ accepts, onDrop });
  latest.current = { accepts, onDrop };
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    return dropTargetForElements({
      element,
      canDrop: ({ source }) => isItem(source.data) && latest.current.accepts(source.data),
      onDrag: ({ location, self }) => {
        over.value = location.current.dropTargets[0]?.element === self.element;
      },
      onDragLeave: () => {
        over.value = false;
      },
      onDrop: ({ source, location, self }) => {
        over.value = false;
        if (location.current.dropTargets[0]?.element !== self.element || !isItem(source.data)) return;
        latest.current.onDrop(source.data);
      },
    });
  }, []);
  return over.value;
}
