import { createHmac } from 'node:crypto';

import type { DatabaseKind, TestDatabase } from '../helpers/databases';
import { Http, type HttpResult } from '../helpers/http';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/test-app';

export const ADMIN = { username: 'root.admin', password: 'admin-password-for-tests' };
export const PASSWORD = 'correct horse battery';

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT signed by hand, so tests can forge exactly the token they want. */
export function signToken(
  payload: object,
  header: object = { alg: 'HS256', typ: 'JWT' },
  secret = TEST_JWT_SECRET,
  hash = 'sha256',
): string {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  return `${unsigned}.${createHmac(hash, secret).update(unsigned).digest('base64url')}`;
}

export const unsignedToken = (payload: object, alg: string) =>
  `${base64url({ alg, typ: 'JWT' })}.${base64url(payload)}.`;

export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The no-leak oracle of the checklist: no stack, SQL, driver, path, bcrypt hash or JWT in a
 * response body (tokens are allowed only from login and refresh).
 */
export const LEAK =
  /\bat \S+ \(|QueryFailedError|\bSQL\b|SELECT |INSERT |UPDATE \S+ SET|typeorm|node_modules|\/src\/|\$2[aby]\$\d\d\$|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.|password_hash|token_hash/i;

/** Driver error codes, upper case only (`customer_type` must not match). */
export const DRIVER_CODE = /\b(ER_[A-Z_]{3,}|SQLITE_[A-Z_]+)\b/;

/** `instance` echoes the caller's own path, so it is not a leak and is left out. */
export function expectNoLeak(result: HttpResult) {
  const body: unknown = result.body;
  const text =
    body && typeof body === 'object'
      ? JSON.stringify({ ...body, instance: undefined })
      : result.text;
  expect(text).not.toMatch(LEAK);
  expect(text).not.toMatch(DRIVER_CODE);
}

export interface Session {
  access: string;
  refresh: string;
  id: number;
}

export class SecurityClient extends Http {
  async login(username: string, password = PASSWORD): Promise<Session> {
    const result = await this.post('/auth/login', { username, password });
    if (result.status !== 200) {
      throw new Error(`login ${username}: ${result.status} ${result.text}`);
    }
    return {
      access: result.body.access_token,
      refresh: result.body.refresh_token,
      id: Number(claimsOf(result.body.access_token).sub),
    };
  }

  async register(username: string, password = PASSWORD): Promise<Session> {
    const result = await this.post('/auth/register', { username, password });
    if (result.status !== 201) throw new Error(`register ${username}: ${result.text}`);
    return this.login(username, password);
  }

  patch<T = any>(path: string, body: unknown, options?: { token?: string }) {
    return this.request<T>('PATCH', path, body, options);
  }
}

/** The app with limits on but high, an admin from the environment, and a client for it. */
export async function startSecureApp(
  database: DatabaseKind | TestDatabase,
  env: Record<string, string> = {},
): Promise<{ testApp: TestApp; http: SecurityClient }> {
  const testApp = await startTestApp({
    database,
    env: {
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_AUTH_PER_MIN: '100000',
      RATE_LIMIT_API_PER_MIN: '100000',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
  });
  return { testApp, http: new SecurityClient(testApp.baseUrl) };
}

/** Row counts of every table, to prove that a rejected request changed nothing. */
export async function tableCounts(testApp: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['users', 'tickets', 'auth_sessions', 'refresh_tokens']) {
    const [row] = await testApp.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}

/** A fingerprint of all rows that matter, for "no change of state" checks. */
export async function stateFingerprint(testApp: TestApp): Promise<string> {
  const users = await testApp.dataSource.query(
    'SELECT id, username, password_hash, role, disabled FROM users ORDER BY id',
  );
  const tickets = await testApp.dataSource.query(
    'SELECT id, issue_type, impact, customer_type, title, description, status, priority_score, created_by FROM tickets ORDER BY id',
  );
  const sessions = await testApp.dataSource.query(
    'SELECT id, revoked_at FROM auth_sessions ORDER BY id',
  );
  const tokens = await testApp.dataSource.query(
    'SELECT id, used_at FROM refresh_tokens ORDER BY id',
  );
  return JSON.stringify({ users, tickets, sessions, tokens });
}
