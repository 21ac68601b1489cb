import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

import { CanonicalUsername } from '../../auth/dto/credentials.validators';
import { MAX_ID } from '../../common/canonical-int';
import { USERNAME_PATTERN, USERNAME_RULE } from '../../security/password-policy';
import { ROLES, type Role } from '../user.entity';

export class CreateUserDto {
  /**
   * 3–64 characters of a-z, 0-9, `_`, `.` and `-`; compared case-insensitively.
   * @example "dana"
   */
  @CanonicalUsername()
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_RULE })
  username: string;

  /** @example "agent" */
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  /** A reporter's organisation (reporters only). */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_ID })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  organization_id?: number;
}
