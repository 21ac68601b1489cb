import { IsString, Length } from 'class-validator';

import { CanonicalUsername } from './credentials.validators';

export class LoginDto {
  /** @example "alice" */
  @CanonicalUsername()
  @IsString()
  @Length(1, 64)
  username: string;

  /** @example "correct horse battery" */
  @IsString()
  @Length(1, 1024)
  password: string;
}
