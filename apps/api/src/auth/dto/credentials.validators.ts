import { Transform } from 'class-transformer';
import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

import { canonicalUsername } from '../../security/password-policy';

/** `Alice`, ` alice` and `ａｌｉｃｅ` are one account: NFKC, trimmed, lower case. */
export const CanonicalUsername = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? canonicalUsername(value) : value,
  );

/** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
export function PasswordBytes(min: number, max: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'passwordBytes',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const bytes = Buffer.byteLength(value, 'utf8');
          return bytes >= min && bytes <= max;
        },
        defaultMessage: buildMessage(
          (prefix) => `${prefix}$property must be ${min} to ${max} bytes long`,
          options,
        ),
      },
    },
    options,
  );
}
