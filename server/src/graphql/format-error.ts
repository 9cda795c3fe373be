import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from './app-error.ts';
import type { Context } from './context.ts';

/** Codes that graphql-js, Apollo Server and type-graphql produce for a client's own mistakes. */
const clientCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The error behind what graphql-js or a plugin hands on. */
function originalOf(error: unknown): unknown {
  const original = unwrapResolverError(error);
  // Errors thrown by plugins (e.g. the cost limit) arrive wrapped in a GraphQLError.
  return original instanceof GraphQLError && original.originalError ? original.originalError : original;
}

/** type-graphql's argument validation errors carry no code of their own. */
const isArgumentValidation = (original: unknown): original is Error =>
  original instanceof Error && original.name === 'ArgumentValidationError';

/** A client's own mistake or one of ours that we name (`AppError`), as opposed to a fault. */
function expected(error: unknown, code: unknown): boolean {
  const original = originalOf(error);
  return (
    original instanceof AppError ||
    (typeof code === 'string' && clientCodes.has(code)) ||
    isArgumentValidation(original)
  );
}

/**
 * The one boundary where errors become what a client sees: `AppError`s keep their code and details,
 * graphql-js and Apollo client errors keep theirs, anything else becomes `INTERNAL_SERVER_ERROR`
 * (logged by `errorLogPlugin`, with the request id). Stack traces never leave the server.
 */
export function createFormatError() {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { ...original.details, code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && clientCodes.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code } };
    }
    if (isArgumentValidation(original)) {
      return { message: original.message, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
    }
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * Logs every unexpected error of an operation through the request's own logger, so the line carries
 * the request id the client got in `x-request-id` (formatError has no request to log with).
 */
export const errorLogPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (expected(error, error.extensions?.code)) continue;
          contextValue.log.error(
            { err: originalOf(error), path: error.path },
            'unexpected error in a GraphQL operation',
          );
        }
      },
    };
  },
};

/**
 * A `VALIDATION_FAILED` error carries many problems (every bad answer of a submission, every bad
 * field of a file). Clients get one GraphQL error per problem, each with its own `extensions.code`
 * and `questionKey` or `field`, so a form can put each beside its field.
 */
export const expandProblemsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        if (!errors?.some((e) => e.extensions?.code === 'VALIDATION_FAILED')) return;
        response.body.singleResult.errors = errors.flatMap((error) => {
          const problems = error.extensions?.problems;
          if (error.extensions?.code !== 'VALIDATION_FAILED' || !Array.isArray(problems)) return [error];
          return problems.map(({ message, ...extensions }: { message: string; code: string }) => ({
            message,
            ...(error.path ? { path: error.path } : {}),
            extensions,
          }));
        });
      },
    };
  },
};
