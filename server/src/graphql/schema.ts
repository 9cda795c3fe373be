import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../accounts/account.resolver.ts';
import { QuestionStatsResolver, SurveyAnalyticsResolver } from '../analytics/analytics.resolver.ts';
import {
  BridgePointResolver,
  ConferenceLiveResolver,
  ConferenceResolver,
  LiveBridgePointResolver,
  LiveRollupResolver,
} from '../conferences/conference.resolver.ts';
import { RespondResolver } from '../surveys/respond.resolver.ts';
import { AssignmentResolver, SurveyResolver } from '../surveys/survey.resolver.ts';
import { HealthResolver } from '../system/health.resolver.ts';
import { UnitResolver } from '../units/unit.resolver.ts';

/** Every resolver of the product, from the feature folders. */
export const resolvers = [
  HealthResolver,
  UnitResolver,
  AccountResolver,
  SurveyResolver,
  AssignmentResolver,
  RespondResolver,
  SurveyAnalyticsResolver,
  QuestionStatsResolver,
  ConferenceResolver,
  BridgePointResolver,
  ConferenceLiveResolver,
  LiveRollupResolver,
  LiveBridgePointResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema; built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...resolvers],
    // Inputs are validated by the services (zod and the shared rules), not by class-validator.
    validate: false,
  });
  return built;
}

export const schemaFileHeader =
  "# Generated from the server's type-graphql schema by `pnpm schema:print`. Do not edit by hand:\n" +
  '# a test fails when this file and the code disagree.\n\n';

/** The SDL committed as `schema/schema.graphql`, sorted so diffs stay small. */
export async function printSchemaFile(): Promise<string> {
  return `${schemaFileHeader}${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
