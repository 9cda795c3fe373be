import type { EntityClass, EntitySchema } from '@mikro-orm/core';

/**
 * Every entity of the product, from the feature folders (`src/<feature>/<name>.entity.ts`,
 * written with MikroORM's `defineEntity`). Empty until the first feature lands.
 */
// biome-ignore lint/suspicious/noExplicitAny: the list mixes schemas of unrelated entity types
export const entities: (EntitySchema<any> | EntityClass<any>)[] = [];
