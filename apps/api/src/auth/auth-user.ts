import type { Role } from '../users/user.entity';

/** The caller, as the JWT guard attaches it to the request. */
export interface AuthUser {
  id: number;
  username: string;
  role: Role;
}
