import {
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
  type OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import * as bcrypt from 'bcrypt';
import { randomUUID } from 'node:crypto';

import type { AppConfig, AuthConfig, SecurityConfig } from '../config';
import { UserDto } from '../users/dto/user.dto';
import type { User } from '../users/user.entity';
import { InvitationsService } from '../users/invitations.service';
import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth-user';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { LoginDto } from './dto/login.dto';
import { MeDto } from './dto/me.dto';
import type { RegisterDto } from './dto/register.dto';
import type { SetupPasswordDto } from './dto/setup-password.dto';
import type { TokenDto } from './dto/token.dto';
import { ACCESS_TOKEN_TYPE } from './jwt-secret';
import { SessionsService, type IssuedRefresh } from './sessions/sessions.service';

const INVALID_CREDENTIALS = 'Invalid username or password.';
const MISSING_REFRESH =
  'A refresh token is required: send refresh_token in the body, or the tps_refresh cookie.';

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);
  private readonly config: AuthConfig;
  private readonly security: SecurityConfig;
  /** Compared against when the user does not exist, so timing does not reveal who has an account. */
  private dummyHash: Promise<string>;

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly jwt: JwtService,
    private readonly invitations: InvitationsService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.config = config.get('auth', { infer: true });
    this.security = config.get('security', { infer: true });
  }

  onModuleInit(): void {
    this.dummyHash = bcrypt.hash('not-a-real-password', this.config.bcryptCost);
    if (this.config.jwtSecretGenerated) {
      this.logger.warn(
        'JWT_SECRET is not set: using a random secret, so tokens stop working when the process restarts.',
      );
    }
  }

  async register(dto: RegisterDto): Promise<UserDto> {
    if (!this.security.allowRegistration) {
      throw new ForbiddenException('Registration is closed; ask an administrator for an account.');
    }
    const hash = await bcrypt.hash(dto.password, this.config.bcryptCost);
    return UserDto.from(await this.users.create(dto.username, hash));
  }

  async login(dto: LoginDto): Promise<TokenDto> {
    const user = await this.users.findWithPasswordHash(dto.username);
    // Always one bcrypt comparison, so an unknown or disabled user costs the same time.
    const hash = user?.passwordHash ?? (await this.dummyHash);
    const matches = await bcrypt.compare(dto.password, hash);
    if (!user || !matches || user.disabled) {
      // A security event: structured, so a run of failures for one account can be alerted on.
      this.logger.warn({ event: 'login_failed', userId: user?.id ?? null }, 'Sign-in refused');
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    return this.tokensFor(user, await this.sessions.start(user.id));
  }

  async refresh(refreshToken: string | undefined): Promise<TokenDto> {
    if (!refreshToken) throw new UnauthorizedException(MISSING_REFRESH);
    const next = await this.sessions.rotate(refreshToken);
    const user = await this.users.findById(next.userId);
    if (!user || user.disabled) {
      await this.sessions.revoke(next.sessionId);
      throw new UnauthorizedException('The refresh token is invalid or expired.');
    }
    return this.tokensFor(user, next);
  }

  /** Ends the caller's session, and the refresh token's (from the body or the cookie). */
  async logout(caller: AuthUser | undefined, refreshToken: string | undefined): Promise<void> {
    if (!caller && !refreshToken) throw new UnauthorizedException(MISSING_REFRESH);
    if (caller) await this.sessions.revoke(caller.sessionId);
    if (!refreshToken) return;
    const sessionId = await this.sessions.sessionOf(refreshToken);
    if (sessionId) await this.sessions.revoke(sessionId);
    else if (!caller) throw new UnauthorizedException('The refresh token is invalid or expired.');
  }

  async me(caller: AuthUser): Promise<MeDto> {
    const user = await this.users.findWithOrganization(caller.id);
    if (!user) throw new UnauthorizedException('A valid bearer token is required.');
    return MeDto.fromUser(user);
  }

  /** An invited user sets their password with the setup token; 401 if it cannot be used. */
  async setup(dto: SetupPasswordDto): Promise<UserDto> {
    const hash = await bcrypt.hash(dto.password, this.config.bcryptCost);
    const user = await this.invitations.redeem(dto.token, hash);
    // A re-invitation may reset an account that had sessions: they end with the old password.
    await this.sessions.revokeAllOf(user.id);
    return UserDto.from(user);
  }

  /** Changes the password and ends every other session of the user. */
  async changePassword(caller: AuthUser, dto: ChangePasswordDto): Promise<void> {
    const user = await this.users.findWithPasswordHash(caller.username);
    if (!user || !(await bcrypt.compare(dto.current_password, user.passwordHash))) {
      throw new ForbiddenException('The current password is wrong.');
    }
    const hash = await bcrypt.hash(dto.new_password, this.config.bcryptCost);
    await this.users.setPasswordHash(user.id, hash);
    await this.sessions.revokeAllOf(user.id, caller.sessionId);
  }

  private async tokensFor(user: User, refresh: IssuedRefresh): Promise<TokenDto> {
    const accessToken = await this.jwt.signAsync({
      sub: String(user.id),
      sid: refresh.sessionId,
      jti: randomUUID(),
      typ: ACCESS_TOKEN_TYPE,
    });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.config.jwtExpiresInSeconds,
      refresh_token: refresh.refreshToken,
      refresh_expires_in: refresh.expiresIn,
    };
  }
}
