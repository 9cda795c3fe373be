import { BadUserInputError } from './app-error.ts';

/** GraphQL IDs arrive as strings; ours are positive integers. */
export function toId(value: unknown, field: string): number {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,10}$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 2_147_483_647)
    throw new BadUserInputError(`${field} is not a valid id`, field);
  return n;
}

export function toOptionalId(value: unknown, field: string): number | null {
  return value === null || value === undefined ? null : toId(value, field);
}
