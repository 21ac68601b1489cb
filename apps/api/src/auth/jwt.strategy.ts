import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { KeyObject } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';

import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth-user';
import { JWT_ALGORITHM, JWT_KEY } from './jwt-secret';

interface AccessTokenPayload {
  sub?: unknown;
  exp?: unknown;
}

const USER_ID = /^[1-9]\d{0,9}$/;

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_KEY) key: KeyObject,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: key as unknown as string,
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  /** Reads the user afresh so a changed role takes effect at once; `false` means 401. */
  async validate(payload: AccessTokenPayload): Promise<AuthUser | false> {
    if (typeof payload.exp !== 'number' || typeof payload.sub !== 'string') return false;
    if (!USER_ID.test(payload.sub)) return false;
    const user = await this.users.findById(Number(payload.sub));
    return user ? { id: user.id, username: user.username, role: user.role } : false;
  }
}
