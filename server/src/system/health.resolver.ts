import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.ts';
import { checkHealth } from './health.ts';
import { Health, type HealthStatus } from './health.types.ts';

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Health of the server and its database. Open to everyone.' })
  async health(@Ctx() ctx: Context): Promise<Health> {
    const report = await checkHealth(ctx.runtime);
    return { ...report, status: report.status as HealthStatus };
  }
}
