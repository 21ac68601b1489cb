import { ValidateBy, type ValidationOptions } from 'class-validator';

import { isCommonPassword } from './common-passwords';

export const PASSWORD_MIN_BYTES = 8;
/** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
export const PASSWORD_MAX_BYTES = 72;
export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,64}$/;
export const USERNAME_RULE = 'username must be 3 to 64 characters of a-z, 0-9, _, . or -';

/**
 * The one canonical spelling of a username (NFKC, trimmed, lower case), as registration,
 * sign-in, the admin bootstrap and the sign-in limiter all read it. Only canonical names that
 * match USERNAME_PATTERN name an account; the column compares them byte for byte.
 */
export const canonicalUsername = (value: string): string =>
  value.normalize('NFKC').trim().toLowerCase();

/** Why a new password is unacceptable, or undefined when it is fine. */
export function passwordProblem(password: string): string | undefined {
  const bytes = Buffer.byteLength(password, 'utf8');
  if (bytes < PASSWORD_MIN_BYTES || bytes > PASSWORD_MAX_BYTES) {
    return `must be ${PASSWORD_MIN_BYTES} to ${PASSWORD_MAX_BYTES} bytes long`;
  }
  if (isCommonPassword(password)) return 'is one of the most common passwords; choose another';
  return undefined;
}

/** Refuses a password from the common-passwords list (the length rule is checked separately). */
export function NotCommonPassword(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'notCommonPassword',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !isCommonPassword(value),
        defaultMessage: () => 'password is too common; choose another',
      },
    },
    options,
  );
}
