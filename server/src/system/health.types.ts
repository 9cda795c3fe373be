import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum HealthStatus {
  OK = 'ok',
  DEGRADED = 'degraded',
  SHUTTING_DOWN = 'shutting_down',
}
registerEnumType(HealthStatus, {
  name: 'HealthStatus',
  description: 'OK: serving; DEGRADED: the database does not answer; SHUTTING_DOWN: draining before exit.',
});

@ObjectType({ description: 'The server as a client sees it: proves the pipe from browser to database.' })
export class Health {
  @Field(() => HealthStatus)
  status!: HealthStatus;

  @Field(() => Boolean, { description: 'Whether the database answered a query just now.' })
  database!: boolean;

  @Field(() => String, { description: 'Server version.' })
  version!: string;

  @Field(() => Date, { description: 'Time on the server (ISO 8601).' })
  serverTime!: Date;

  @Field(() => Int)
  uptimeSeconds!: number;
}
