import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { DEFAULT_WEIGHTS, findWeightProblems, type PriorityWeights } from '@app/priority';

import type { AppConfig, AuthConfig, DatabaseConfig, PriorityConfig } from './config.types';
import { envSchema, type Env } from './env.schema';
import { securityConfig } from './security-config';
import { slaConfig } from './sla-config';

const MIN_PRODUCTION_SECRET_BYTES = 32;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** A configuration that cannot run; `problems` holds one readable line each. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type RawEnv = Record<string, string | undefined>;

function withoutEmptyValues(raw: RawEnv): RawEnv {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
}

function mysqlUrlFromParts(host: string, port: number, user = '', password = '', db = '') {
  const auth = user ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}@` : '';
  return `mysql://${auth}${host}:${port}/${encodeURIComponent(db)}`;
}

function databaseConfig(env: Env): DatabaseConfig {
  const migrationsRun = env.DB_MIGRATIONS_RUN;
  const timeouts = {
    connectMs: env.DB_CONNECT_TIMEOUT_MS,
    acquireMs: env.DB_ACQUIRE_TIMEOUT_MS,
    queryMs: env.DB_QUERY_TIMEOUT_MS,
    startupMs: env.DB_STARTUP_TIMEOUT_MS,
  };
  const url =
    env.DATABASE_URL ??
    env.MYSQL_URL ??
    (env.DB_HOST
      ? mysqlUrlFromParts(env.DB_HOST, env.DB_PORT, env.DB_USER, env.DB_PASSWORD, env.DB_NAME)
      : undefined) ??
    (env.MYSQLHOST
      ? mysqlUrlFromParts(
          env.MYSQLHOST,
          env.MYSQLPORT ?? 3306,
          env.MYSQLUSER,
          env.MYSQLPASSWORD,
          env.MYSQLDATABASE,
        )
      : undefined);
  if (url) return { type: 'mysql', url, poolSize: env.DB_POOL_SIZE, migrationsRun, timeouts };
  return { type: 'sqlite', path: env.SQLITE_PATH, migrationsRun, timeouts };
}

function authConfig(env: Env, problems: string[]): AuthConfig {
  const secret = env.JWT_SECRET ?? env.JWT_SECRET_KEY;
  const base = {
    jwtExpiresInSeconds: parseDuration(env.JWT_EXPIRES_IN),
    bcryptCost: env.BCRYPT_COST,
  };
  if (
    env.NODE_ENV === 'production' &&
    Buffer.byteLength(secret ?? '') < MIN_PRODUCTION_SECRET_BYTES
  ) {
    problems.push(
      `JWT_SECRET: must be set to at least ${MIN_PRODUCTION_SECRET_BYTES} bytes in production (e.g. openssl rand -base64 48)`,
    );
  }
  if (secret) return { ...base, jwtSecret: secret, jwtSecretGenerated: false };
  return { ...base, jwtSecret: randomBytes(48).toString('base64'), jwtSecretGenerated: true };
}

function priorityConfig(env: Env, problems: string[]): PriorityConfig {
  const file = env.PRIORITY_WEIGHTS_FILE;
  if (!file) return { weights: DEFAULT_WEIGHTS, source: 'defaults' };
  let candidate: unknown;
  try {
    candidate = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(
      `PRIORITY_WEIGHTS_FILE: cannot read ${file} as JSON (${(error as Error).message})`,
    );
    return { weights: DEFAULT_WEIGHTS, source: file };
  }
  for (const problem of findWeightProblems(candidate)) {
    problems.push(`PRIORITY_WEIGHTS_FILE ${file}: ${problem}`);
  }
  return { weights: candidate as PriorityWeights, source: file };
}

/**
 * `/metrics` shows the build, the Node version and per-route, per-status counts (sign-in 401s
 * and 429s included): production must either protect it or say that it is meant to be public.
 */
function checkMetricsExposure(env: Env, problems: string[]): void {
  if (env.NODE_ENV !== 'production' || env.METRICS_TOKEN || env.METRICS_PUBLIC) return;
  problems.push(
    'METRICS_TOKEN: must be set in production (16+ characters), or set METRICS_PUBLIC=true to serve /metrics openly',
  );
}

/** `15m` → 900; a bare number is seconds. */
export function parseDuration(value: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(value);
  if (!match) throw new ConfigError([`invalid duration ${value}`]);
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
}

/**
 * Parses the environment; a variable that fails the schema is reported and then left out (so its
 * default stands in), which lets the checks that need a parsed environment, such as the
 * production JWT_SECRET rule, report their problems in the same run.
 */
function parseEnv(raw: RawEnv, problems: string[]): Env {
  const values = withoutEmptyValues(raw);
  const parsed = envSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    problems.push(`${issue.path.join('.') || 'env'}: ${issue.message}`);
    if (typeof issue.path[0] === 'string') delete values[issue.path[0]];
  }
  const rest = envSchema.safeParse(values);
  if (!rest.success) throw new ConfigError(problems);
  return rest.data;
}

/** Validates the environment and builds the typed configuration, or throws a `ConfigError`. */
export function buildConfig(raw: RawEnv): AppConfig {
  const problems: string[] = [];
  const env = parseEnv(raw, problems);
  checkMetricsExposure(env, problems);
  const config: AppConfig = {
    http: { env: env.NODE_ENV, port: env.PORT, host: env.HOST, logLevel: env.LOG_LEVEL },
    database: databaseConfig(env),
    auth: authConfig(env, problems),
    priority: priorityConfig(env, problems),
    sla: slaConfig(env, problems),
    policy: {
      refreshIntervalMs: env.POLICY_REFRESH_MS,
      rescoreBatchSize: env.POLICY_RESCORE_BATCH_SIZE,
    },
    security: securityConfig(env, parseDuration(env.REFRESH_TOKEN_TTL), problems),
    queue: {
      agingIntervalMs: env.AGING_INTERVAL_MS,
      agingBatchSize: env.AGING_BATCH_SIZE,
      totalCacheMs: env.TICKETS_TOTAL_CACHE_MS,
    },
    assignment: {
      mode: env.ASSIGNMENT_MODE,
      defaultCapacity: env.AGENT_DEFAULT_CAPACITY,
      intervalMs: env.ASSIGNMENT_INTERVAL_MS,
    },
    learning: {
      intervalMs: env.LEARNING_INTERVAL_MS,
      maxExamples: env.LEARNING_MAX_EXAMPLES,
    },
    webhooks: {
      allowPrivate: env.WEBHOOK_ALLOW_PRIVATE,
      relayIntervalMs: env.WEBHOOK_RELAY_INTERVAL_MS,
      batchSize: env.WEBHOOK_BATCH_SIZE,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      leaseMs: env.WEBHOOK_LEASE_MS,
    },
    stream: { heartbeatMs: env.STREAM_HEARTBEAT_MS, maxPerUser: env.STREAM_MAX_PER_USER },
    ops: {
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
      shutdownDelayMs: Math.min(env.SHUTDOWN_DELAY_MS, env.SHUTDOWN_GRACE_MS),
      metricsToken: env.METRICS_TOKEN,
      commit: env.GIT_COMMIT ?? env.RAILWAY_GIT_COMMIT_SHA ?? 'unknown',
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
