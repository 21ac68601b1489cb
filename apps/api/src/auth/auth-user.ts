import type { Role } from '../users/user.entity';

/** The caller, as the JWT guard attaches it to the request. */
export interface AuthUser {
  id: number;
  username: string;
  role: Role;
  /** The reporter's organisation, whose tier their tickets take; null or absent for none. */
  organizationId?: number | null;
  /** The sign-in session (refresh-token family) the access token belongs to. */
  sessionId: string;
}
