import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import { ROLES, type Role } from '../user.entity';

export class UpdateUserDto {
  /** @example "agent" */
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  /** `true` signs the user out everywhere and refuses their tokens. */
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class ListUsersQuery {
  /** @example 1 */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  /** @example 10 */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 10;
}
