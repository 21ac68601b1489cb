import type { PriorityWeights } from '@app/priority';

export type NodeEnv = 'development' | 'production' | 'test';

export interface HttpConfig {
  env: NodeEnv;
  port: number;
  host: string;
  logLevel: string;
}

interface MigrationOptions {
  migrationsRun: boolean;
  timeouts: DatabaseTimeouts;
}

/** Bounds on every wait for the database, so an outage answers 503 instead of hanging. */
export interface DatabaseTimeouts {
  connectMs: number;
  acquireMs: number;
  queryMs: number;
  /** How long the start retries an unreachable database before giving up. */
  startupMs: number;
}

export interface OpsConfig {
  requestTimeoutMs: number;
  shutdownGraceMs: number;
  /** How long to keep serving after SIGTERM (readiness 503) before the listener closes. */
  shutdownDelayMs: number;
  metricsToken?: string;
  commit: string;
}

export type DatabaseConfig =
  | ({ type: 'mysql'; url: string; poolSize: number } & MigrationOptions)
  | ({ type: 'sqlite'; path: string } & MigrationOptions);

export interface AuthConfig {
  jwtSecret: string;
  /** True when no secret was configured and a random one was made for this process. */
  jwtSecretGenerated: boolean;
  jwtExpiresInSeconds: number;
  bcryptCost: number;
}

export interface PriorityConfig {
  weights: PriorityWeights;
  /** Where the weights came from: a file path, or "defaults". */
  source: string;
}

/** The typed, validated configuration; read it with `ConfigService<AppConfig, true>`. */
export interface AppConfig {
  http: HttpConfig;
  database: DatabaseConfig;
  auth: AuthConfig;
  priority: PriorityConfig;
  ops: OpsConfig;
}
