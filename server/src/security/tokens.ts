import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Opaque bearer tokens: sessions, personal API tokens, and later respondent and operator links.
 *
 * `<prefix>_<selector>.<verifier>`: the selector (72 random bits) finds the row; the verifier
 * (128 random bits) is the secret, stored only as its SHA-256 and compared in constant time. A
 * leaked database gives no usable token; a guessed selector gives nothing without the verifier.
 */
export type TokenKind = 'session' | 'api' | 'respondent' | 'operator';

const prefixes: Record<TokenKind, string> = { session: 'dcs', api: 'dcp', respondent: 'dcr', operator: 'dco' };
const SELECTOR_BYTES = 9;
const VERIFIER_BYTES = 16;
const selectorLength = Math.ceil((SELECTOR_BYTES * 4) / 3);
const verifierLength = Math.ceil((VERIFIER_BYTES * 4) / 3);

export type IssuedToken = {
  /** The whole token, shown once to its owner and never stored. */
  token: string;
  selector: string;
  verifierHash: Buffer;
};

export function hashVerifier(verifier: string): Buffer {
  return createHash('sha256').update(verifier, 'utf8').digest();
}

export function issueToken(kind: TokenKind): IssuedToken {
  const selector = randomBytes(SELECTOR_BYTES).toString('base64url');
  const verifier = randomBytes(VERIFIER_BYTES).toString('base64url');
  return { token: `${prefixes[kind]}_${selector}.${verifier}`, selector, verifierHash: hashVerifier(verifier) };
}

export type ParsedToken = { selector: string; verifier: string };

/** Splits a presented token; `null` when it is not a well-formed token of this kind. */
export function parseToken(kind: TokenKind, presented: string | undefined | null): ParsedToken | null {
  if (!presented) return null;
  const prefix = `${prefixes[kind]}_`;
  if (!presented.startsWith(prefix)) return null;
  const [selector, verifier, extra] = presented.slice(prefix.length).split('.');
  if (extra !== undefined || !selector || !verifier) return null;
  if (selector.length !== selectorLength || verifier.length !== verifierLength) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(selector) || !/^[A-Za-z0-9_-]+$/.test(verifier)) return null;
  return { selector, verifier };
}

/** Constant-time check of a presented verifier against the stored hash. */
export function verifierMatches(verifier: string, storedHash: Buffer | Uint8Array): boolean {
  const presented = hashVerifier(verifier);
  const stored = Buffer.from(storedHash);
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}

/** The kind a presented token claims by its prefix. */
export function tokenKindOf(presented: string): TokenKind | null {
  for (const [kind, prefix] of Object.entries(prefixes)) {
    if (presented.startsWith(`${prefix}_`)) return kind as TokenKind;
  }
  return null;
}

/**
 * Links that must be shown again later (respondent links for mailing, operator links): the verifier
 * is derived from the selector with a server secret (HMAC-SHA256), so the database still holds
 * only its hash, yet the server can rebuild the link. A leaked database alone yields no link.
 */
export function deriveToken(kind: TokenKind, selector: string, secret: string): IssuedToken {
  const verifier = createHmac('sha256', secret)
    .update(`${kind}:${selector}`)
    .digest()
    .subarray(0, VERIFIER_BYTES)
    .toString('base64url');
  return { token: `${prefixes[kind]}_${selector}.${verifier}`, selector, verifierHash: hashVerifier(verifier) };
}

export function issueDerivedToken(kind: TokenKind, secret: string): IssuedToken {
  return deriveToken(kind, randomBytes(SELECTOR_BYTES).toString('base64url'), secret);
}
