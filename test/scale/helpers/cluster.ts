import { randomBytes } from 'node:crypto';

import { createConnection } from 'mysql2/promise';

import { createTestDatabase, type TestDatabase } from '../../helpers/databases';
import { ensureBuilt, spawnBuiltApp, type BuiltApp } from '../../ops/helpers/built-app';
import { lbRequest, type LbOptions, type LbResponse } from './lb-request';
import { startNginx, type LoadBalancer } from './nginx';

export const PASSWORD = 'scale-password-9f1c';
export const AUTH_PER_MIN = 5;
/** Both instances run their aging and SLA jobs this often, so both race for every due item. */
export const JOB_INTERVAL_MS = 300;

export interface ClusterUser {
  username: string;
  id: number;
  token: string;
  /** This user's own client address. */
  from: string;
}

export interface Cluster {
  instances: BuiltApp[];
  lb: LoadBalancer;
  database: TestDatabase;
  /** host:port of each instance, as nginx's X-Upstream names them. */
  upstreams: string[];
  call(method: string, path: string, options?: LbOptions): Promise<LbResponse>;
  sql<T = any>(query: string, params?: unknown[]): Promise<T[]>;
  user(role: 'reporter' | 'agent' | 'admin'): Promise<ClusterUser>;
  stop(): Promise<void>;
}

let nextAddress = 10;
/** A fresh loopback client address per user (127.0.0.10, .11, …). */
export const freshAddress = () => `127.0.0.${nextAddress++}`;

function instanceEnv(database: TestDatabase, redisUrl: string, prefix: string) {
  return {
    NODE_ENV: 'production',
    JWT_SECRET: 'a-production-secret-shared-by-both-instances-42',
    BCRYPT_COST: '4',
    METRICS_PUBLIC: 'true',
    ...database.env,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    CLIENT_IP_HEADER: 'X-Real-IP',
    RATE_LIMIT_AUTH_PER_MIN: String(AUTH_PER_MIN),
    AGING_INTERVAL_MS: String(JOB_INTERVAL_MS),
    SLA_CHECK_INTERVAL_MS: String(JOB_INTERVAL_MS),
    LEARNING_INTERVAL_MS: '0',
    SHUTDOWN_DELAY_MS: '0',
    // The test's webhook receiver listens on loopback.
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_RELAY_INTERVAL_MS: String(JOB_INTERVAL_MS),
  };
}

/**
 * Two built instances (`node dist/…/main.js`, as the image starts them), started at the same
 * moment on one empty MySQL database and one Redis, behind nginx on a loopback port.
 */
export async function startCluster(redisUrl: string): Promise<Cluster> {
  await ensureBuilt();
  const database = await createTestDatabase('mysql');
  const prefix = `scale:${randomBytes(6).toString('hex')}:`;
  const env = instanceEnv(database, redisUrl, prefix);
  const instances = await Promise.all([spawnBuiltApp(env), spawnBuiltApp(env)]);
  await Promise.all(instances.map((instance) => instance.waitUntilReady(60_000)));
  const upstreams = instances.map((instance) => new URL(instance.baseUrl).host);
  const lb = await startNginx(upstreams);
  const db = await createConnection({ uri: database.env.DATABASE_URL });
  const call = (method: string, path: string, options?: LbOptions) =>
    lbRequest(lb.baseUrl, method, path, options);
  const sql = async <T>(query: string, params: unknown[] = []) =>
    (await db.query(query, params))[0] as T[];

  return {
    instances,
    lb,
    database,
    upstreams,
    call,
    sql,
    user: async (role) => {
      const username = `${role}.${randomBytes(3).toString('hex')}`;
      const from = freshAddress();
      const registered = await call('POST', '/auth/register', {
        body: { username, password: PASSWORD },
        from,
      });
      if (registered.status !== 201) throw new Error(`register: ${registered.text}`);
      await sql('UPDATE users SET role = ? WHERE username = ?', [role, username]);
      const login = await call('POST', '/auth/login', {
        body: { username, password: PASSWORD },
        from,
      });
      if (login.status !== 200) throw new Error(`login: ${login.text}`);
      return { username, id: registered.body.id, token: login.body.access_token, from };
    },
    stop: async () => {
      await db.end();
      await lb.stop().finally(async () => {
        for (const instance of instances) instance.child.kill('SIGTERM');
        await Promise.all(instances.map((instance) => instance.exited));
        await database.drop();
      });
    },
  };
}
