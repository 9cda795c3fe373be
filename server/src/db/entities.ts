import type { EntityClass, EntitySchema } from '@mikro-orm/core';
import { AccountSchema } from '../accounts/account.entity.ts';
import { ApiTokenSchema, SessionSchema } from '../accounts/credential.entity.ts';

/**
 * Every entity of the product, from the feature folders (`src/<feature>/<name>.entity.ts`,
 * written with MikroORM's `defineEntity`). The unit tree is read and written with SQL (its path is
 * kept by database triggers), see `units/unit.repository.ts`.
 */
// biome-ignore lint/suspicious/noExplicitAny: the list mixes schemas of unrelated entity types
export const entities: (EntitySchema<any> | EntityClass<any>)[] = [AccountSchema, SessionSchema, ApiTokenSchema];
