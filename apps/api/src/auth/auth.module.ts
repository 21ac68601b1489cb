import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import type { KeyObject } from 'node:crypto';

import type { AppConfig } from '../config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JWT_ALGORITHM, JWT_KEY, toJwtKey } from './jwt-secret';
import { JwtStrategy } from './jwt.strategy';
import { SessionsModule } from './sessions/sessions.module';

const jwtKeyProvider = {
  provide: JWT_KEY,
  inject: [ConfigService],
  useFactory: (config: ConfigService<AppConfig, true>) =>
    toJwtKey(config.get('auth', { infer: true }).jwtSecret),
};

@Module({
  imports: [
    UsersModule,
    SessionsModule,
    PassportModule,
    JwtModule.registerAsync({
      extraProviders: [jwtKeyProvider],
      inject: [ConfigService, JWT_KEY],
      useFactory: (config: ConfigService<AppConfig, true>, key: KeyObject) => ({
        secret: key as unknown as string,
        signOptions: {
          algorithm: JWT_ALGORITHM,
          expiresIn: config.get('auth', { infer: true }).jwtExpiresInSeconds,
        },
        verifyOptions: { algorithms: [JWT_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, JwtStrategy, jwtKeyProvider],
})
export class AuthModule {}
