import { IsString, Length } from 'class-validator';

import { NotCommonPassword } from '../../security/password-policy';
import { PasswordBytes } from './credentials.validators';

export class ChangePasswordDto {
  /** @example "correct horse battery" */
  @IsString()
  @Length(1, 1024)
  current_password: string;

  /**
   * 8–72 bytes; the most common passwords are refused.
   * @example "another horse battery"
   */
  @IsString()
  @PasswordBytes(8, 72)
  @NotCommonPassword()
  new_password: string;
}
