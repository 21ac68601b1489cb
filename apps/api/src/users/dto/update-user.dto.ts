import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import { MAX_ID } from '../../common/canonical-int';
import { PageQuery } from '../../common/page.query';
import { ROLES, type Role } from '../user.entity';

export class UpdateUserDto {
  /** @example "agent" */
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  /** `true` signs the user out everywhere and refuses their tokens. */
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  /**
   * The organisation a reporter belongs to (their tickets take its tier); null removes them
   * from it. Only reporters belong to one: a user who stops being a reporter leaves it.
   */
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: MAX_ID })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  organization_id?: number | null;
}

export class ListUsersQuery extends PageQuery {}
