import { IsString, Length, Matches } from 'class-validator';

import { USERNAME_PATTERN, USERNAME_RULE } from '../../security/password-policy';
import { CanonicalUsername } from './credentials.validators';

export class LoginDto {
  /**
   * Read as registration reads it (NFKC, trimmed, lower case) and refused as registration
   * refuses it, so no other spelling (`rép.one`, a zero-width or NUL character) reaches an account.
   * @example "alice"
   */
  @CanonicalUsername()
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_RULE })
  username: string;

  /** @example "correct horse battery" */
  @IsString()
  @Length(1, 1024)
  password: string;
}
