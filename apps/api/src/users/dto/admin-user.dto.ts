import { UserDto } from './user.dto';
import type { User } from '../user.entity';

/** A user as an administrator sees it. */
export class AdminUserDto extends UserDto {
  /** A disabled user cannot sign in and their tokens are refused. */
  disabled: boolean;

  static fromUser(user: User): AdminUserDto {
    return { ...UserDto.from(user), disabled: user.disabled };
  }
}

export class UserPageDto {
  users: AdminUserDto[];
  /** @example 1 */
  page: number;
  /** @example 10 */
  limit: number;
  total: number;
}
