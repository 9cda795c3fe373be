import { computed, signal } from '@preact/signals';
import { graphql } from '../gql/gql.ts';
import type { ViewerQuery } from '../gql/graphql.ts';
import { request, unauthenticatedEvent } from './graphql.ts';

const viewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      username
      displayName
      role
      scopeUnit {
        id
        code
        name
        ancestors {
          id
          name
        }
      }
    }
  }
`);

const signOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export type Viewer = NonNullable<ViewerQuery['viewer']>;

export type ViewerState =
  | { status: 'loading' }
  | { status: 'ready'; viewer: Viewer | null }
  | { status: 'failed'; error: unknown };

/** Who is signed in, shared by the header and every page; loaded once at start and after signing in or out. */
export const viewerState = signal<ViewerState>({ status: 'loading' });

/** The signed-in account, or null while loading, signed out or unreachable. */
export const viewer = computed(() => (viewerState.value.status === 'ready' ? viewerState.value.viewer : null));

let pending: Promise<void> | undefined;

/** Asks the server who we are; concurrent calls share one request. */
export function loadViewer(): Promise<void> {
  pending ??= (async () => {
    try {
      const data = await request(viewerQuery);
      viewerState.value = { status: 'ready', viewer: data.viewer ?? null };
    } catch (error) {
      viewerState.value = { status: 'failed', error };
    } finally {
      pending = undefined;
    }
  })();
  return pending;
}

/** Ends the session on the server and forgets the viewer here. */
export async function signOut(): Promise<void> {
  await request(signOutMutation);
  viewerState.value = { status: 'ready', viewer: null };
}

// A session that ended elsewhere (expired, revoked, password changed) shows up as UNAUTHENTICATED on any request.
addEventListener(unauthenticatedEvent, () => {
  if (viewer.value) viewerState.value = { status: 'ready', viewer: null };
});
