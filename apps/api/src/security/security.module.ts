import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';

import type { AppConfig } from '../config';
import { UsersModule } from '../users/users.module';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { rateLimitOptions } from './rate-limit.options';

type Config = ConfigService<AppConfig, true>;

/** Rate limits (the guard itself is an APP_GUARD in AppModule) and the first administrator. */
@Module({
  imports: [
    UsersModule,
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: Config) => rateLimitOptions(config.get('security', { infer: true })),
    }),
  ],
  providers: [AdminBootstrapService],
})
export class SecurityModule implements OnModuleInit {
  private readonly logger = new Logger('Security');

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  onModuleInit(): void {
    const { rateLimit, redis } = this.config.get('security', { infer: true });
    if (!rateLimit.enabled) {
      this.logger.warn('RATE_LIMIT_ENABLED=false: requests are not rate limited.');
    } else if (!redis) {
      this.logger.log('Rate limits are kept in memory: each instance counts on its own.');
    }
  }
}
