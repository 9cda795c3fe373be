import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem, passwordProblem } from '@diemcau/schema';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's recommended minimums (19 MiB, 2 passes, 1 lane). */
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing in particular, verified against when the username is unknown, so both cases cost the same. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('diemcau-decoy-password');
  return decoy;
}

const passwordMessages: Record<PasswordProblem, string> = {
  REQUIRED: 'Cần nhập mật khẩu / a password is required',
  TOO_SHORT: `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự / at least ${PASSWORD_MIN_LENGTH} characters`,
  TOO_LONG: `Mật khẩu dài quá ${PASSWORD_MAX_LENGTH} ký tự / at most ${PASSWORD_MAX_LENGTH} characters`,
  CONTAINS_USERNAME: 'Mật khẩu không được chứa tên đăng nhập / must not contain the username',
};

/** `null` when acceptable, else the reason, Vietnamese / English (rules from `@diemcau/schema`). */
export function passwordMessage(password: string, username?: string): string | null {
  const problem = passwordProblem(password, username);
  return problem ? passwordMessages[problem] : null;
}
