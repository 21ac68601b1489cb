import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

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
}

export class ListUsersQuery extends PageQuery {}
