import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { describeError } from './errors.ts';

export type Load<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; message: string };

/**
 * Runs a request whenever `deps` (what the request depends on, listed by the caller) change; an answer that
 * arrives after the deps moved on is dropped. `reload()` runs it again, keeping the data shown meanwhile.
 */
export function useLoad<T>(run: () => Promise<T>, deps: unknown[]): Load<T> & { reload: () => Promise<void> } {
  const state = useSignal<Load<T>>({ status: 'loading' });
  const generation = useRef(0);
  const start = (keep: boolean) => {
    const mine = ++generation.current;
    if (!keep || state.peek().status !== 'ready') state.value = { status: 'loading' };
    return run().then(
      (data) => {
        if (generation.current === mine) state.value = { status: 'ready', data };
      },
      (error) => {
        if (generation.current === mine) state.value = { status: 'failed', message: describeError(error) };
      },
    );
  };
  useEffect(() => {
    void start(false);
    return () => {
      generation.current += 1;
    };
  }, deps);
  return { ...state.value, reload: () => start(true) };
}
