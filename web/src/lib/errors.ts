import { RequestError } from './graphql.ts';
import { formatDuration, language, type MessageKey, t } from './i18n.ts';

type CodeOf<K> = K extends `error.${infer C}` ? C : never;
type ErrorMessageCode = CodeOf<MessageKey>;

/** Codes the pages explain in their own words; any other code is shown as "error (CODE)". */
const explained = [
  'NETWORK_ERROR',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNIT_CYCLE',
  'UNIT_HAS_HISTORY',
  'BAD_CREDENTIALS',
  'PAYLOAD_TOO_LARGE',
] as const satisfies readonly ErrorMessageCode[];

type Explained = (typeof explained)[number];

/** The first `extensions.code` of a failed request (`NETWORK_ERROR` when no answer came). */
export function errorCode(error: unknown): string {
  return error instanceof RequestError ? (error.codes[0] ?? 'INTERNAL_SERVER_ERROR') : 'NETWORK_ERROR';
}

/** The input field the server blamed (`extensions.field`), if any. */
export function errorField(error: unknown): string | undefined {
  if (!(error instanceof RequestError)) return undefined;
  for (const e of error.errors) {
    if (typeof e.extensions?.field === 'string') return e.extensions.field;
  }
  return undefined;
}

/**
 * The server writes its messages "Vietnamese / English" (some in one language only): keep the half
 * that matches the page language.
 */
export function localizeServerMessage(message: string): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return language.value === 'vi' ? message.slice(0, at) : message.slice(at + 3);
}

/** A sentence for the person in front of the page, in the page language. */
export function describeError(error: unknown): string {
  const code = errorCode(error);
  if (code === 'RATE_LIMITED' && error instanceof RequestError) {
    const seconds = Number(error.errors[0]?.extensions?.retryAfterSeconds ?? 60);
    return t('error.RATE_LIMITED', { wait: formatDuration(Math.max(1, Math.ceil(seconds))) });
  }
  // Input problems carry the server's own, specific sentence (which field, which limit).
  if ((code === 'BAD_USER_INPUT' || code === 'CONFLICT') && error instanceof RequestError && error.errors[0]) {
    return localizeServerMessage(error.errors[0].message);
  }
  if ((explained as readonly string[]).includes(code)) return t(`error.${code as Explained}`);
  return t('error.other', { code });
}
