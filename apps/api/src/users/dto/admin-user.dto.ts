import { ApiProperty } from '@nestjs/swagger';

import { ApiInteger } from '../../common/api-fields';
import { OrganizationRefDto } from '../../organizations/dto/organization.dto';
import type { User } from '../user.entity';
import { UserDto } from './user.dto';

/** A user as an administrator sees it. */
export class AdminUserDto extends UserDto {
  @ApiProperty({ description: 'A disabled user cannot sign in and their tokens are refused.' })
  disabled: boolean;

  @ApiProperty({
    type: () => OrganizationRefDto,
    nullable: true,
    description: "A reporter's organisation; null for none.",
  })
  organization: OrganizationRefDto | null;

  static fromUser(user: User): AdminUserDto {
    return {
      ...UserDto.from(user),
      disabled: user.disabled,
      organization: OrganizationRefDto.from(user.organization),
    };
  }
}

export class UserPageDto {
  @ApiProperty({ type: () => [AdminUserDto] })
  users: AdminUserDto[];

  @ApiInteger({ example: 1, minimum: 1 })
  page: number;

  @ApiInteger({ example: 10, minimum: 1, maximum: 100 })
  limit: number;

  @ApiInteger({ example: 1 })
  total: number;
}
