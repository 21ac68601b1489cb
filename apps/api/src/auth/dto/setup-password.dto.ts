import { IsString, Length } from 'class-validator';

import { NotCommonPassword } from '../../security/password-policy';
import { PasswordBytes } from './credentials.validators';

export class SetupPasswordDto {
  /** The setup token of the invitation. */
  @IsString()
  @Length(1, 200)
  token: string;

  /**
   * 8–72 bytes; the most common passwords are refused.
   * @example "correct horse battery"
   */
  @IsString()
  @PasswordBytes(8, 72)
  @NotCommonPassword()
  password: string;
}
