import { IsString, Matches } from 'class-validator';

import { NotCommonPassword, USERNAME_PATTERN, USERNAME_RULE } from '../../security/password-policy';
import { CanonicalUsername, PasswordBytes } from './credentials.validators';

export class RegisterDto {
  /**
   * 3–64 characters of a-z, 0-9, `_`, `.` and `-`; compared case-insensitively.
   * @example "alice"
   */
  @CanonicalUsername()
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_RULE })
  username: string;

  /**
   * 8–72 bytes (bcrypt's limit); the most common passwords are refused.
   * @example "correct horse battery"
   */
  @IsString()
  @PasswordBytes(8, 72)
  @NotCommonPassword()
  password: string;
}
