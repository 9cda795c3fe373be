/**
 * Rules for account and unit input, checked by the pages for instant feedback and by the server as
 * the authority: one copy.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Lowercase letters, digits, `.`, `_`, `-`; 2 to 64 characters, starting with a letter or digit. */
export const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Unit codes: ASCII letters, digits, `.`, `_`, `-`; 1 to 64 characters (e.g. `TH-05-001`). */
export const unitCodePattern = /^[A-Za-z0-9._-]{1,64}$/;

export type PasswordProblem = 'REQUIRED' | 'TOO_SHORT' | 'TOO_LONG' | 'CONTAINS_USERNAME';

/** `null` when a password is acceptable, else why not. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if (!password) return 'REQUIRED';
  if (password.length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (password.length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'CONTAINS_USERNAME';
  return null;
}
