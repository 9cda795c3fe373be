import type { Role } from '../gql/graphql.ts';
import { language, t } from './i18n.ts';

export const roles: readonly Role[] = ['ADMIN', 'ORGANIZER', 'ANALYST'];

/** Quản trị / Tổ chức / Phân tích. */
export function roleName(role: Role): string {
  return t(`role.${role}`);
}

/** A unit kind's name in the page language (the server keeps both). */
export function kindName(kind: { nameVi: string; nameEn: string } | null | undefined, fallback = ''): string {
  if (!kind) return fallback;
  return language.value === 'vi' ? kind.nameVi : kind.nameEn;
}
