import type { GraphQLFormattedError } from 'graphql';
import { expect } from 'vitest';

export type GraphQLResponse<TData = Record<string, unknown>> = {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: GraphQLFormattedError[];
};

export type GraphQLRequestOptions = {
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  operationName?: string;
};

/** A GraphQL request over real HTTP, as a browser or a script would send it. */
export async function graphql<TData = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  options: GraphQLRequestOptions = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify({ query, variables: options.variables, operationName: options.operationName }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphQLFormattedError[] };
  return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
}

/** The `extensions.code` of every error of a response. */
export function errorCodes(response: GraphQLResponse<unknown>): string[] {
  return (response.errors ?? []).map((e) => String(e.extensions?.code));
}

/** The data of a response that must have no errors (the test fails, showing them, if it has). */
export function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}
