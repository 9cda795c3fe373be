import type { TypedDocumentString } from '../gql/graphql.ts';
import { apiOrigin } from './api.ts';

/** Fired on `window` whenever the server answers UNAUTHENTICATED. */
export const unauthenticatedEvent = 'diemcau:unauthenticated';

/** One error of a GraphQL response, as the server formats it. */
export type GraphQLErrorInfo = {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
};

type ResponseBody<TResult> = {
  data?: TResult | null;
  errors?: GraphQLErrorInfo[];
  /** The shape of HTTP-level errors (e.g. 413 `PAYLOAD_TOO_LARGE`) answered before GraphQL runs. */
  error?: { code: string; message: string };
};

/**
 * A request that did not return data. `codes` holds the `extensions.code` of every GraphQL error, or the HTTP-level
 * error code, or `NETWORK_ERROR` when no answer from the API arrived (offline, timed out, proxy without upstream).
 */
export class RequestError extends Error {
  readonly codes: readonly string[];
  readonly errors: readonly GraphQLErrorInfo[];

  constructor(codes: readonly string[], message: string, errors: readonly GraphQLErrorInfo[] = [], cause?: unknown) {
    super(message, { cause });
    this.name = 'RequestError';
    this.codes = codes;
    this.errors = errors;
  }
}

/** Runs a typed GraphQL operation and returns its data; any error in the response makes it throw a `RequestError`. */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  options: { signal?: AbortSignal } = {},
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(`${apiOrigin()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal: options.signal,
    });
  } catch (cause) {
    throw new RequestError(['NETWORK_ERROR'], 'The server could not be reached', [], cause);
  }
  const body = (await response.json().catch(() => null)) as ResponseBody<TResult> | null;
  if (body?.errors?.length) {
    const codes = body.errors.map((error) => error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    // The session ended (expired, revoked, signed out elsewhere): whoever shows the viewer hears of it.
    if (codes.includes('UNAUTHENTICATED')) dispatchEvent(new Event(unauthenticatedEvent));
    throw new RequestError([...new Set(codes)], body.errors[0]?.message ?? '', body.errors);
  }
  if (body?.error) throw new RequestError([body.error.code], body.error.message);
  if (!response.ok || body?.data == null) {
    throw new RequestError(['NETWORK_ERROR'], `The server answered HTTP ${response.status} without GraphQL data`);
  }
  return body.data;
}
