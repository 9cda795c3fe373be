import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** A signed-in browser: the session cookie's selector and verifier hash. */
export const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'session',
  properties: {
    id: p.integer().primary().autoincrement(),
    accountId: p.integer(),
    selector: p.string().length(32),
    verifierHash: p.blob(),
    userAgent: p.string().length(300).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type Session = InferEntity<typeof SessionSchema>;

/** A personal API token for scripts and notebooks (`Authorization: Bearer …`). */
export const ApiTokenSchema = defineEntity({
  name: 'ApiToken',
  tableName: 'api_token',
  properties: {
    id: p.integer().primary().autoincrement(),
    accountId: p.integer(),
    name: p.string().length(100),
    selector: p.string().length(32),
    verifierHash: p.blob(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type ApiToken = InferEntity<typeof ApiTokenSchema>;
