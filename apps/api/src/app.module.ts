import { PriorityModule } from '@app/priority';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';

import { AgingModule } from './aging/aging.module';
import { AssignmentModule } from './assignment/assignment.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { RolesGuard } from './auth/roles.guard';
import { CommentsModule } from './comments/comments.module';
import { CommonModule } from './common/common.module';
import { loggerParams } from './common/logging';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config';
import { buildDataSourceOptions } from './database/database-options';
import { DatabaseModule } from './database/database.module';
import { DueWorkModule } from './due-work/due-work.module';
import { HealthModule } from './health/health.module';
import { ReportsModule } from './reports/reports.module';
import { RateLimitGuard } from './security/rate-limit.guard';
import { SecurityModule } from './security/security.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { LearningModule } from './learning/learning.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { MetricsModule } from './metrics/metrics.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PolicyCoreModule } from './policy/policy-core.module';
import { PolicyModule } from './policy/policy.module';
import { PolicyStore } from './policy/policy-store';
import { initializeWithRetry } from './resilience/connect-with-retry';
import { SlaCheckerModule } from './sla/sla-checker.module';
import { SlaModule } from './sla/sla.module';
import { StreamModule } from './stream/stream.module';
import { TicketsModule } from './tickets/tickets.module';
import { WebhooksModule } from './webhooks/webhooks.module';

type Config = ConfigService<AppConfig, true>;

/**
 * The whole application for one validated configuration. Global pipe, guard and filter are
 * `APP_*` providers here, so tests build exactly what production runs.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          skipProcessEnv: true,
          load: [() => config],
        }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (c: Config) => loggerParams(c.get('http', { infer: true })),
        }),
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (c: Config) => ({
            ...buildDataSourceOptions(c.get('database', { infer: true })),
            toRetry: () => false, // initializeWithRetry owns the retries and their backoff
          }),
          dataSourceFactory: (options) => initializeWithRetry(options!, config.database.timeouts),
        }),
        // The weights of the policy version in force at start (version 1 comes from the file).
        PriorityModule.forRootAsync({
          imports: [PolicyCoreModule],
          inject: [PolicyStore],
          useFactory: async (store: PolicyStore) => (await store.atStart()).weights,
        }),
        CommonModule,
        DatabaseModule,
        DueWorkModule,
        SlaModule,
        AuthModule,
        TicketsModule,
        CommentsModule,
        AssignmentModule,
        AgingModule,
        SlaCheckerModule,
        WebhooksModule,
        HealthModule,
        SecurityModule,
        LifecycleModule,
        MetricsModule,
        IdempotencyModule,
        ReportsModule,
        LearningModule,
        AuditModule,
        OrganizationsModule,
        StreamModule,
        PolicyModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        // After authentication (the API limit counts per user), before roles (403s count too).
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
