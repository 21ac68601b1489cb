import type { PriorityWeights } from '@app/priority';
import type { SlaPolicy } from '@app/sla';

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

export interface SlaConfig {
  policy: SlaPolicy;
  /** Where the policy came from: a file path, or "defaults". */
  source: string;
  /** How often this instance records due SLA warnings and breaches; 0 turns the timer off. */
  checkIntervalMs: number;
  batchSize: number;
}

export interface SecurityConfig {
  /** The first admin, created at start when absent. */
  admin?: { username: string; password: string };
  allowRegistration: boolean;
  /** Absolute lifetime of a refresh-token family (a sign-in session). */
  refreshTokenTtlSeconds: number;
  rateLimit: { enabled: boolean; authPerMinute: number; apiPerMinute: number };
  /** Shared rate-limit store; in-process memory when absent. */
  redis?: { url: string; keyPrefix: string };
  /** Where the client address comes from: the socket, unless proxies are trusted. */
  clientIp: { trustedProxyHops: number; header?: string };
  corsOrigins: string[];
}

export interface QueueConfig {
  /** How often this instance re-scores tickets that crossed an age boundary; 0 turns it off. */
  agingIntervalMs: number;
  agingBatchSize: number;
  /** How long a computed `total` is reused when this instance has written nothing since. */
  totalCacheMs: number;
}

export interface AssignmentConfig {
  /** `auto`: the waiting pool is handed to available agents with spare capacity. */
  mode: 'manual' | 'auto';
  /** Most active tickets an agent holds at once when their own capacity is unset. */
  defaultCapacity: number;
  /** Safety-net pass of auto-assignment (changes nudge it at once); 0 = only on changes. */
  intervalMs: number;
}

export interface PolicyConfig {
  /** How often this instance looks for a newly activated policy version (and re-scores for it). */
  refreshIntervalMs: number;
  /** Tickets re-scored per transaction after an activation. */
  rescoreBatchSize: number;
}

export interface LearningConfig {
  /** How often this instance checks whether a model is due for training; 0 turns it off. */
  intervalMs: number;
  /** Newest labelled tickets a training (or a weights fit) reads at most. */
  maxExamples: number;
}

export interface WebhooksConfig {
  /** Allow targets on loopback, private and link-local addresses (tests, closed networks). */
  allowPrivate: boolean;
  /** How often this instance's relay looks for due deliveries; 0 = only on demand. */
  relayIntervalMs: number;
  batchSize: number;
  /** Whole time an attempt may take: connect, send, answer. */
  timeoutMs: number;
  /** How long a claimed delivery stays with its relay before another instance may retry it. */
  leaseMs: number;
}

export interface StreamConfig {
  /** How often an open stream gets a comment line, so proxies keep it and clients see it alive. */
  heartbeatMs: number;
  /** Open streams one user may hold at once (over every instance when Redis is configured). */
  maxPerUser: number;
}

/** The typed, validated configuration; read it with `ConfigService<AppConfig, true>`. */
export interface AppConfig {
  http: HttpConfig;
  database: DatabaseConfig;
  auth: AuthConfig;
  priority: PriorityConfig;
  sla: SlaConfig;
  policy: PolicyConfig;
  security: SecurityConfig;
  queue: QueueConfig;
  assignment: AssignmentConfig;
  learning: LearningConfig;
  webhooks: WebhooksConfig;
  stream: StreamConfig;
  ops: OpsConfig;
}
