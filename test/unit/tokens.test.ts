import { describe, expect, it } from 'vitest';
import {
  hashVerifier,
  issueToken,
  parseToken,
  tokenKindOf,
  verifierMatches,
} from '../../server/src/security/tokens.ts';

describe('token helper', () => {
  it('issues opaque tokens with a 128-bit verifier stored only as a SHA-256', () => {
    const a = issueToken('respondent');
    const b = issueToken('respondent');
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^dcr_[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{22}$/);
    const parsed = parseToken('respondent', a.token)!;
    expect(Buffer.from(parsed.verifier, 'base64url')).toHaveLength(16);
    expect(a.verifierHash.equals(hashVerifier(parsed.verifier))).toBe(true);
    expect(a.token).not.toContain(a.verifierHash.toString('hex'));
  });

  it('parses only well-formed tokens of the expected kind', () => {
    const { token } = issueToken('operator');
    expect(parseToken('operator', token)).not.toBeNull();
    expect(parseToken('respondent', token)).toBeNull();
    expect(parseToken('operator', `${token}.x`)).toBeNull();
    expect(parseToken('operator', token.slice(0, -1))).toBeNull();
    expect(parseToken('operator', token.replace('.', '!'))).toBeNull();
    expect(parseToken('operator', '')).toBeNull();
    expect(tokenKindOf(token)).toBe('operator');
    expect(tokenKindOf('Bearer xyz')).toBeNull();
  });

  it('compares the verifier against the stored hash', () => {
    const issued = issueToken('api');
    const { verifier } = parseToken('api', issued.token)!;
    expect(verifierMatches(verifier, issued.verifierHash)).toBe(true);
    const flipped = `${verifier.slice(0, -1)}${verifier.endsWith('A') ? 'B' : 'A'}`;
    expect(verifierMatches(flipped, issued.verifierHash)).toBe(false);
    expect(verifierMatches(verifier, Buffer.alloc(8))).toBe(false);
  });
});
