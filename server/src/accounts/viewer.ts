import type { Role } from './account.entity.ts';

/** The signed-in account behind a request, and the credential it used. */
export type Viewer = {
  accountId: number;
  username: string;
  displayName: string;
  role: Role;
  /** `null` for an ADMIN: the whole tree. */
  scopeUnitId: number | null;
  /** ltree path of the scope unit (`null` for ADMIN). */
  scopePath: string | null;
  credential: { kind: 'session' | 'api'; id: number };
};
