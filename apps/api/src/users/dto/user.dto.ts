import type { Role } from '../user.entity';
import { User } from '../user.entity';

/** A user as the API shows it: never the password hash. */
export class UserDto {
  /** @example 1 */
  id: number;
  /** @example "alice" */
  username: string;
  /** @example "reporter" */
  role: Role;
  /** @example "2026-01-01T12:00:00.000Z" */
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
