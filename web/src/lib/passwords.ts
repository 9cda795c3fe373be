import { t } from './i18n.ts';

/**
 * The server's password rules, checked here first for instant feedback (the server checks again).
 * They mirror `server/src/security/passwords.ts`; they belong in `@diemcau/schema` so both run one copy.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** `null` when acceptable, else the reason in the page language. */
export function passwordProblem(password: string, username?: string): string | null {
  if (!password) return t('password.required');
  if (password.length < PASSWORD_MIN_LENGTH) return t('password.tooShort', { min: PASSWORD_MIN_LENGTH });
  if (password.length > PASSWORD_MAX_LENGTH) return t('password.tooLong', { max: PASSWORD_MAX_LENGTH });
  if (username && password.toLowerCase().includes(username.toLowerCase())) return t('password.containsUsername');
  return null;
}
