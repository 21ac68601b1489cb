import { Injectable, Logger, UnauthorizedException, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import * as bcrypt from 'bcrypt';

import type { AppConfig, AuthConfig } from '../config';
import { UserDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import type { LoginDto } from './dto/login.dto';
import type { RegisterDto } from './dto/register.dto';
import type { TokenDto } from './dto/token.dto';

const INVALID_CREDENTIALS = 'Invalid username or password.';

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);
  private readonly config: AuthConfig;
  /** Compared against when the user does not exist, so timing does not reveal who has an account. */
  private dummyHash: Promise<string>;

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.config = config.get('auth', { infer: true });
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
    const hash = await bcrypt.hash(dto.password, this.config.bcryptCost);
    return UserDto.from(await this.users.create(dto.username, hash));
  }

  async login(dto: LoginDto): Promise<TokenDto> {
    const user = await this.users.findWithPasswordHash(dto.username);
    const hash = user?.passwordHash ?? (await this.dummyHash);
    const matches = await bcrypt.compare(dto.password, hash);
    if (!user || !matches) throw new UnauthorizedException(INVALID_CREDENTIALS);
    const accessToken = await this.jwt.signAsync({ sub: String(user.id) });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.config.jwtExpiresInSeconds,
    };
  }
}
