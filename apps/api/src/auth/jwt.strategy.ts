import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { KeyObject } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';

import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth-user';
import { ACCESS_TOKEN_TYPE, JWT_ALGORITHM, JWT_KEY } from './jwt-secret';
import { SessionsService } from './sessions/sessions.service';

interface AccessTokenPayload {
  sub?: unknown;
  exp?: unknown;
  sid?: unknown;
  jti?: unknown;
  typ?: unknown;
}

const USER_ID = /^[1-9]\d{0,9}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every claim this service puts in an access token must be there, with the right shape. */
function hasAccessClaims(
  payload: AccessTokenPayload,
): payload is { sub: string; exp: number; sid: string; jti: string; typ: string } {
  return (
    typeof payload.exp === 'number' &&
    payload.typ === ACCESS_TOKEN_TYPE &&
    typeof payload.sub === 'string' &&
    USER_ID.test(payload.sub) &&
    typeof payload.sid === 'string' &&
    UUID.test(payload.sid) &&
    typeof payload.jti === 'string' &&
    UUID.test(payload.jti)
  );
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_KEY) key: KeyObject,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: key as unknown as string,
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  /**
   * Reads the user and the session afresh, so a changed role, a disabled account or a logout
   * takes effect at once; `false` means 401.
   */
  async validate(payload: AccessTokenPayload): Promise<AuthUser | false> {
    if (!hasAccessClaims(payload)) return false;
    const userId = Number(payload.sub);
    // Independent reads: on MySQL they run on two pooled connections at once.
    const [user, sessionActive] = await Promise.all([
      this.users.findById(userId),
      this.sessions.isActive(payload.sid, userId),
    ]);
    if (!user || user.disabled || !sessionActive) return false;
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      organizationId: user.organizationId,
      sessionId: payload.sid,
    };
  }
}
