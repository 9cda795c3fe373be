import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem as problemOf } from '@diemcau/schema';
import { t } from './i18n.ts';

/** The shared password rule (`@diemcau/schema`), as a sentence in the page language; `null` when acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  switch (problemOf(password, username)) {
    case 'REQUIRED':
      return t('password.required');
    case 'TOO_SHORT':
      return t('password.tooShort', { min: PASSWORD_MIN_LENGTH });
    case 'TOO_LONG':
      return t('password.tooLong', { max: PASSWORD_MAX_LENGTH });
    case 'CONTAINS_USERNAME':
      return t('password.containsUsername');
    default:
      return null;
  }
}
