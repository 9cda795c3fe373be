import { GraphQLError } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError, BadUserInputError } from '../../server/src/graphql/app-error.ts';
import { createFormatError, errorLogPlugin } from '../../server/src/graphql/format-error.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

/** What graphql-js hands formatError when a resolver throws `original`. */
function resolverError(original: Error): [GraphQLError, GraphQLError] {
  const error = new GraphQLError(original.message, { path: ['health'], originalError: original });
  return [error, error];
}

describe('formatError', () => {
  it('keeps the code and field of an AppError', () => {
    const [error] = resolverError(new BadUserInputError('Tên không được để trống', 'input.name'));
    const out = createFormatError()(error.toJSON(), error);
    expect(out).toEqual({
      message: 'Tên không được để trống',
      path: ['health'],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
    });
  });

  it('keeps a feature code and its details', () => {
    const [error] = resolverError(new AppError('SURVEY_CLOSED', 'closed', { closedAt: '2026-01-01' }));
    const out = createFormatError()(error.toJSON(), error);
    expect(out.extensions).toEqual({ code: 'SURVEY_CLOSED', closedAt: '2026-01-01' });
  });

  it('hides an unexpected error behind INTERNAL_SERVER_ERROR and logs it with the request id', async () => {
    const { log, lines } = capture();
    const boom = new Error('connection to 10.0.0.5 refused: password authentication failed');
    const [error] = resolverError(boom);
    const formatted = { ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: …'] } };
    const out = createFormatError()(formatted, error);
    expect(out).toEqual({
      message: 'Internal server error',
      path: ['health'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    // The request's logger (Fastify binds the request id to it) writes the line.
    const requestLog = log.child({ requestId: 'req-42' });
    const hooks = await errorLogPlugin.requestDidStart!({} as never);
    const expectedError = new GraphQLError('Tên không được để trống', {
      originalError: new BadUserInputError('Tên không được để trống', 'input.name'),
    });
    await hooks!.didEncounterErrors!({ errors: [error, expectedError], contextValue: { log: requestLog } } as never);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: 'req-42', msg: 'unexpected error in a GraphQL operation' });
    expect(JSON.stringify(lines[0])).toContain('password authentication failed');
  });

  it('passes client errors through without a stack trace', () => {
    const error = new GraphQLError('Syntax Error: Expected Name', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    const formatted = { message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED', stacktrace: ['x'] } };
    expect(createFormatError()(formatted, error)).toEqual({
      message: 'Syntax Error: Expected Name',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });
});
