import { ApiEnum, ApiInteger, ApiTimestamp } from '../../common/api-fields';
import { ROLES, type Role, type User } from '../user.entity';
import { ApiProperty } from '@nestjs/swagger';

/** A user as the API shows it: never the password hash. */
export class UserDto {
  @ApiInteger({ example: 1 })
  id: number;

  @ApiProperty({ example: 'alice' })
  username: string;

  @ApiEnum(ROLES, { example: 'reporter' })
  role: Role;

  @ApiTimestamp()
  created_at: string;

  static from(user: User): UserDto {
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      created_at: user.createdAt.toISOString(),
    };
  }
}
