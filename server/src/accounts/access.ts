import { ForbiddenError, UnauthenticatedError } from '../graphql/app-error.ts';
import type { Context } from '../graphql/context.ts';
import type { Role } from './account.entity.ts';
import type { Viewer } from './viewer.ts';

/**
 * Role and scope checks. Every resolver calls one of these before touching data; an account sees
 * and acts only on its scope unit's subtree (ADMIN: everything).
 */
export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
}

export function requireRole(ctx: Context, ...allowed: Role[]): Viewer {
  const viewer = requireViewer(ctx);
  if (viewer.role !== 'ADMIN' && !allowed.includes(viewer.role)) {
    throw new ForbiddenError('Tài khoản của bạn không có quyền này / your role may not do this');
  }
  return viewer;
}

/** Whether a unit path lies in the viewer's subtree (ltree `<@`, here on the dotted id labels). */
export function pathInScope(viewer: Viewer, path: string): boolean {
  if (viewer.role === 'ADMIN' || viewer.scopePath === null) return true;
  return path === viewer.scopePath || path.startsWith(`${viewer.scopePath}.`);
}

export function assertPathInScope(viewer: Viewer, path: string): void {
  if (!pathInScope(viewer, path)) {
    throw new ForbiddenError('Đơn vị nằm ngoài phạm vi của bạn / the unit is outside your scope');
  }
}
