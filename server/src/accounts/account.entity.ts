import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export const roles = ['ADMIN', 'ORGANIZER', 'ANALYST'] as const;
export type Role = (typeof roles)[number];

export const AccountSchema = defineEntity({
  name: 'Account',
  tableName: 'account',
  properties: {
    id: p.integer().primary().autoincrement(),
    username: p.string().length(64),
    displayName: p.string().length(200),
    passwordHash: p.text().hidden().lazy(),
    role: p.string().length(16).$type<Role>(),
    /** The unit whose subtree this account sees and acts on; `null` only for ADMIN (the whole tree). */
    scopeUnitId: p.integer().nullable(),
    disabledAt: p.datetime().nullable(),
    passwordChangedAt: p.datetime().onCreate(() => new Date()),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type Account = InferEntity<typeof AccountSchema>;
