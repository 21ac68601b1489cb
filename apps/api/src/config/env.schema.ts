import { z } from 'zod';

import { SECURITY_ENV } from './security-env';

const MYSQL_URL_PATTERN = /^(mysql|mariadb):\/\/.+/;

const port = z.coerce.number().int().min(1).max(65_535);
const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');
const millis = z.coerce
  .number({ message: 'must be a number of milliseconds' })
  .int('must be a whole number of milliseconds')
  .min(100, 'must be at least 100 ms')
  .max(600_000, 'must be at most 600000 ms (10 min)');
const mysqlUrl = z
  .string()
  .regex(MYSQL_URL_PATTERN, 'must be a mysql://user:pass@host:port/db URL');

/** Every environment variable the service reads, with its default. Empty strings count as unset. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('::'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: mysqlUrl.optional(),
  MYSQL_URL: mysqlUrl.optional(),
  DB_HOST: z.string().optional(),
  DB_PORT: port.default(3306),
  DB_USER: z.string().optional(),
  DB_PASSWORD: z.string().optional(),
  DB_NAME: z.string().optional(),
  MYSQLHOST: z.string().optional(),
  MYSQLPORT: port.optional(),
  MYSQLUSER: z.string().optional(),
  MYSQLPASSWORD: z.string().optional(),
  MYSQLDATABASE: z.string().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_MIGRATIONS_RUN: flag.default(true),
  SQLITE_PATH: z.string().min(1).default('data/tickets.sqlite'),

  JWT_SECRET: z.string().optional(),
  JWT_SECRET_KEY: z.string().optional(),
  JWT_EXPIRES_IN: z
    .string()
    .regex(/^\d+[smhd]?$/, 'must be seconds or a number with s, m, h or d (e.g. 15m)')
    .default('15m'),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),

  PRIORITY_WEIGHTS_FILE: z.string().optional(),
  SLA_POLICY_FILE: z.string().optional(),
  SLA_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(15_000),
  SLA_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  // Policy versions (docs/administration.md): other instances follow an activation within 10 s.
  POLICY_REFRESH_MS: z.coerce.number().int().min(0).max(10_000).default(2_000),
  POLICY_RESCORE_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1_000),

  ...SECURITY_ENV,
  AGING_INTERVAL_MS: z.coerce.number().int().min(0).max(30_000).default(15_000),
  AGING_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  // Learned priorities (docs/learning.md).
  LEARNING_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(600_000),
  LEARNING_MAX_EXAMPLES: z.coerce.number().int().min(200).max(200_000).default(20_000),
  TICKETS_TOTAL_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  // Working the queue (docs/workflow.md).
  ASSIGNMENT_MODE: z.enum(['manual', 'auto']).default('manual'),
  AGENT_DEFAULT_CAPACITY: z.coerce.number().int().min(0).max(1_000).default(10),
  ASSIGNMENT_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  // Webhooks (docs/webhooks.md).
  WEBHOOK_ALLOW_PRIVATE: flag.default(false),
  WEBHOOK_RELAY_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  WEBHOOK_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  WEBHOOK_TIMEOUT_MS: millis.max(10_000, 'must be at most 10000 ms (10 s)').default(10_000),
  WEBHOOK_LEASE_MS: z.coerce.number().int().min(20_000).max(90_000).default(60_000),
  // The live stream (docs/scaling.md).
  STREAM_HEARTBEAT_MS: z.coerce.number().int().min(50).max(60_000).default(15_000),
  STREAM_MAX_PER_USER: z.coerce.number().int().min(1).max(100).default(5),
  // Operations (docs/operations.md): fault budgets, draining, metrics.
  DB_CONNECT_TIMEOUT_MS: millis.default(2_000),
  DB_ACQUIRE_TIMEOUT_MS: millis.default(2_000),
  DB_QUERY_TIMEOUT_MS: millis.default(3_000),
  DB_STARTUP_TIMEOUT_MS: millis.default(30_000),
  REQUEST_TIMEOUT_MS: millis.default(10_000),
  SHUTDOWN_GRACE_MS: millis.default(10_000),
  SHUTDOWN_DELAY_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must be 0 or more')
    .max(60_000, 'must be at most 60000 ms')
    .default(1_000),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_PUBLIC: flag.default(false),
  GIT_COMMIT: z.string().optional(),
  RAILWAY_GIT_COMMIT_SHA: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;
