import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import type { DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from '../../../../migrations';
import type { DatabaseConfig } from '../config';
import { AuditEntry, AuditHead } from '../audit/audit-entry.entity';
import { TicketComment } from '../comments/ticket-comment.entity';
import { AuthSession } from '../auth/sessions/auth-session.entity';
import { RefreshToken } from '../auth/sessions/refresh-token.entity';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity';
import { Organization } from '../organizations/organization.entity';
import { LearnedModel } from '../learning/learned-model.entity';
import { PolicyVersion } from '../policy/policy-version.entity';
import { QuietTypeOrmLogger } from '../resilience/quiet-typeorm-logger';
import { TicketEvent } from '../ticket-events/ticket-event.entity';
import { Ticket } from '../tickets/ticket.entity';
import { SetupToken } from '../users/setup-token.entity';
import { User } from '../users/user.entity';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity';
import { Webhook } from '../webhooks/webhook.entity';

export const ENTITIES = [
  User,
  Ticket,
  AuthSession,
  RefreshToken,
  TicketEvent,
  IdempotencyKey,
  TicketComment,
  LearnedModel,
  AuditEntry,
  AuditHead,
  Organization,
  SetupToken,
  Webhook,
  WebhookDelivery,
  PolicyVersion,
];

/** TypeORM options for MySQL/MariaDB (through mysql2) or the embedded SQLite file. */
export function buildDataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: config.migrationsRun,
    synchronize: false,
  };
  if (config.type === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      url: config.url,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      poolSize: config.poolSize,
      // Bounded waits so an outage answers 503 fast (docs/operations.md).
      connectTimeout: config.timeouts.connectMs,
      maxQueryExecutionTime: config.timeouts.queryMs,
      enableQueryTimeout: true,
      logger: new QuietTypeOrmLogger(),
      // trace: false: mysql2 otherwise captures a stack trace for every query (5 % of the CPU of
      // POST /tickets in the profile, docs/benchmarks.md); TypeORM's QueryFailedError keeps its own.
      extra: { enableKeepAlive: true, keepAliveInitialDelay: 10_000, trace: false },
    };
  }
  if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.path,
    // WAL lets readers run beside the writer, and NORMAL sync stays durable across crashes of the process.
    enableWAL: config.path !== ':memory:',
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    },
  };
}
