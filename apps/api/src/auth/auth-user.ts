import type { Role } from '../users/user.entity';

/** The caller, as the JWT guard attaches it to the request. */
export interface AuthUser {
  id: number;
  username: string;
  role: Role;
  /** The sign-in session (refresh-token family) the access token belongs to. */
  sessionId: string;
}
