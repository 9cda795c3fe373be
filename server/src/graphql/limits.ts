import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, type GraphQLSchema, Kind, type SelectionSetNode } from 'graphql';
// The CommonJS build: its ESM build imports graphql/index.mjs, a second graphql next to the one type-graphql uses.
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity/cjs';
import { statementCount } from '../db/sql.ts';
import { AppError } from './app-error.ts';
import type { Context } from './context.ts';

export const MAX_DEPTH = 12;
export const MAX_COST = 1000;

function depthOf(selectionSet: SelectionSetNode | undefined, document: DocumentNode, seen = new Set<string>()): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, document, seen) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, document, seen));
    } else if (!seen.has(selection.name.value)) {
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment && fragment.kind === Kind.FRAGMENT_DEFINITION) {
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, document, new Set([...seen, selection.name.value])));
      }
    }
  }
  return deepest;
}

/**
 * Refuses, before anything runs, an operation nested deeper than MAX_DEPTH or costing more than
 * MAX_COST (each field 1; analytic fields declare their own cost). One request can't take the server
 * down. Outside production, a request with `x-debug-sql-count: 1` gets `extensions.sqlStatements`.
 */
export function limitsPlugin(schema: GraphQLSchema, isProduction: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const countStatements = !isProduction && request.http?.headers.get('x-debug-sql-count') === '1';
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation) return;
          const depth = depthOf(operation.selectionSet, document);
          if (depth > MAX_DEPTH) {
            throw new AppError('QUERY_TOO_DEEP', `Query depth ${depth} is over ${MAX_DEPTH}`, {
              depth,
              max: MAX_DEPTH,
            });
          }
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: operation.name?.value,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Bad variables: execution reports them as BAD_USER_INPUT.
            return;
          }
          if (cost > MAX_COST)
            throw new AppError('QUERY_TOO_COSTLY', `Query cost ${cost} is over ${MAX_COST}`, { cost, max: MAX_COST });
        },
        async willSendResponse({ response, contextValue }) {
          if (!countStatements || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            sqlStatements: statementCount(contextValue.em),
          };
        },
      };
    },
  };
}
