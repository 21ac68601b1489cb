import { randomBytes } from 'node:crypto';

import { databaseKinds, type DatabaseKind, type TestDatabase } from '../helpers/databases';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { rawRequest, type RawResult } from './raw-request';
import { PASSWORD, SecurityClient } from './support';

const AUTH_LIMIT = 5;
const API_LIMIT = 10;
const WRONG = { password: 'not the password' };

const limited = (env: Record<string, string> = {}, database?: DatabaseKind | TestDatabase) =>
  startTestApp({
    database,
    env: {
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_AUTH_PER_MIN: String(AUTH_LIMIT),
      RATE_LIMIT_API_PER_MIN: String(API_LIMIT),
      ...env,
    },
  });

const randomIp = () => `${10 + (randomBytes(1)[0] % 200)}.${[...randomBytes(3)].join('.')}`;

function expect429(result: RawResult) {
  expect(result.status).toBe(429);
  expect(result.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(result.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(Number(result.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect(result.headers['x-ratelimit-remaining']).toBe('0');
  expect(Number(result.headers['x-ratelimit-limit'])).toBeGreaterThan(0);
  expect(JSON.parse(result.body)).toMatchObject({ status: 429, title: 'Too Many Requests' });
}

/** Sign-in and API limits, and the ways people try to get around them (API4, API2). */
describe('rate limits (SQLite; the limiter does not touch the database)', () => {
  describe('with the client address taken from the socket', () => {
    let testApp: TestApp;
    let http: SecurityClient;

    beforeAll(async () => {
      testApp = await limited();
      http = new SecurityClient(testApp.baseUrl);
      for (const name of ['alice', 'bob', 'carol', 'dave', 'erin']) {
        await rawRequest(testApp.baseUrl, 'POST', '/auth/register', {
          body: { username: name, password: PASSWORD },
          localAddress: `127.0.1.${name.length}${name.charCodeAt(0) % 10}`,
        });
      }
    });

    afterAll(() => testApp.close());

    const login = (
      username: string,
      password: string,
      options: { ip?: string; headers?: Record<string, string> } = {},
    ) =>
      rawRequest(testApp.baseUrl, 'POST', '/auth/login', {
        body: { username, password },
        localAddress: options.ip,
        headers: options.headers,
      });

    it('should allow the limit, then answer 429 with Retry-After, even for the right password', async () => {
      for (let i = 0; i < AUTH_LIMIT; i++) {
        const result = await login('alice', WRONG.password, { ip: '127.0.2.1' });
        expect(result.status).toBe(401);
        expect(result.headers['x-ratelimit-limit-auth-ip']).toBe(String(AUTH_LIMIT));
      }
      expect429(await login('alice', WRONG.password, { ip: '127.0.2.1' }));
      expect429(await login('alice', PASSWORD, { ip: '127.0.2.1' }));
    });

    it('should not give a fresh bucket for a forged X-Forwarded-For or X-Real-IP', async () => {
      const forged = () => ({ 'x-forwarded-for': randomIp(), 'x-real-ip': randomIp() });
      const statuses: number[] = [];
      for (let i = 0; i < AUTH_LIMIT + 3; i++) {
        statuses.push(
          (await login(`nobody${i}`, 'x', { ip: '127.0.2.2', headers: forged() })).status,
        );
      }
      expect(statuses.slice(0, AUTH_LIMIT).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(AUTH_LIMIT)).toEqual([429, 429, 429]);
    });

    it('should limit one account however many addresses guess at it, and leave others alone', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < AUTH_LIMIT + 2; i++) {
        statuses.push((await login('BOB ', WRONG.password, { ip: `127.0.3.${i + 1}` })).status);
      }
      expect(statuses.slice(AUTH_LIMIT)).toEqual([429, 429]);
      expect((await login('carol', PASSWORD, { ip: '127.0.3.200' })).status).toBe(200);
    });

    it('should limit registrations per address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < AUTH_LIMIT + 1; i++) {
        const result = await rawRequest(testApp.baseUrl, 'POST', '/auth/register', {
          body: { username: `spam.${i}`, password: PASSWORD },
          localAddress: '127.0.4.1',
        });
        statuses.push(result.status);
      }
      expect(statuses).toEqual([...Array<number>(AUTH_LIMIT).fill(201), 429]);
    });

    it('should answer a flood of blocked sign-ins fast, without hashing', async () => {
      for (let i = 0; i < AUTH_LIMIT; i++) await login('dave', 'x', { ip: '127.0.5.1' });
      const started = performance.now();
      const results = await Promise.all(
        Array.from({ length: 40 }, () => login('dave', 'x', { ip: '127.0.5.1' })),
      );
      expect(results.every((r) => r.status === 429)).toBe(true);
      expect((performance.now() - started) / 40).toBeLessThan(50);
    });

    it('should limit the API per user across routes, and not the next user', async () => {
      const first = await http.login('carol');
      const second = await rawRequest(testApp.baseUrl, 'POST', '/auth/login', {
        body: { username: 'erin', password: PASSWORD },
        localAddress: '127.0.6.1',
      });
      const statuses: number[] = [];
      for (let i = 0; i < API_LIMIT; i++) {
        const path = i % 2 ? '/tickets' : '/auth/me';
        statuses.push((await http.get(path, { token: first.access })).status);
      }
      expect(statuses.every((s) => s === 200)).toBe(true);
      const blocked = await rawRequest(testApp.baseUrl, 'GET', '/tickets', {
        headers: { authorization: `Bearer ${first.access}` },
        localAddress: '127.0.6.2',
      });
      expect429(blocked);
      const other = JSON.parse(second.body).access_token as string;
      expect((await http.get('/tickets', { token: other })).status).toBe(200);
    });

    it('should never limit health probes', async () => {
      const results = await Promise.all(
        Array.from({ length: API_LIMIT * 3 }, (_, i) =>
          http.get(i % 2 ? '/health/live' : '/health'),
        ),
      );
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect((await http.get('/health/ready')).status).toBe(200);
    });
  });

  it('should believe only the configured proxy header, and only as sent by the proxy', async () => {
    const testApp = await limited({ CLIENT_IP_HEADER: 'X-Real-IP' });
    try {
      const login = (realIp: string, forwarded: string) =>
        rawRequest(testApp.baseUrl, 'POST', '/auth/login', {
          body: { username: `u${randomBytes(4).toString('hex')}`, password: 'x' },
          headers: { 'x-real-ip': realIp, 'x-forwarded-for': forwarded },
        });
      const statuses: number[] = [];
      for (let i = 0; i < AUTH_LIMIT + 1; i++) {
        statuses.push((await login('203.0.113.7', randomIp())).status);
      }
      expect(statuses.at(-1)).toBe(429);
      expect((await login('203.0.113.8', randomIp())).status).toBe(401);
    } finally {
      await testApp.close();
    }
  });

  it('should take the X-Forwarded-For entry TRUST_PROXY hops from the right, ignoring forged ones', async () => {
    const testApp = await limited({ TRUST_PROXY: '1' });
    try {
      const login = (forwarded: string) =>
        rawRequest(testApp.baseUrl, 'POST', '/auth/login', {
          body: { username: `u${randomBytes(4).toString('hex')}`, password: 'x' },
          headers: { 'x-forwarded-for': forwarded },
        });
      const statuses: number[] = [];
      for (let i = 0; i < AUTH_LIMIT + 1; i++) {
        statuses.push((await login(`${randomIp()}, ${randomIp()}, 198.51.100.9`)).status);
      }
      expect(statuses.at(-1)).toBe(429);
      expect((await login('198.51.100.10')).status).toBe(401);
    } finally {
      await testApp.close();
    }
  });

  it('should keep limiting, per instance, when Redis cannot be reached', async () => {
    const testApp = await limited({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < AUTH_LIMIT + 1; i++) {
        const result = await rawRequest(testApp.baseUrl, 'POST', '/auth/login', {
          body: { username: 'nobody', password: 'x' },
        });
        statuses.push(result.status);
      }
      expect(statuses).toEqual([...Array<number>(AUTH_LIMIT).fill(401), 429]);
    } finally {
      await testApp.close();
    }
  });

  it('should not limit at all when RATE_LIMIT_ENABLED=false', async () => {
    const testApp = await startTestApp({ env: { RATE_LIMIT_AUTH_PER_MIN: '1' } });
    try {
      const http = new SecurityClient(testApp.baseUrl);
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          http.post('/auth/login', { username: 'nobody.here', password: 'y' }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array<number>(8).fill(401));
    } finally {
      await testApp.close();
    }
  });
});

const redisUrl = process.env.TEST_REDIS_URL;

(redisUrl ? describe.each(databaseKinds()) : describe.skip.each(databaseKinds()))(
  'rate limits shared through Redis by two instances on %s',
  (database) => {
    it('should enforce one limit across both instances', async () => {
      const env = {
        REDIS_URL: redisUrl ?? '',
        REDIS_KEY_PREFIX: `test:${randomBytes(6).toString('hex')}:`,
      };
      const first = await limited(env, database);
      const second = await limited({ ...env, DB_MIGRATIONS_RUN: 'false' }, first.database);
      try {
        const statuses: number[] = [];
        for (let i = 0; i < AUTH_LIMIT * 2; i++) {
          const app = i % 2 ? second : first;
          const result = await rawRequest(app.baseUrl, 'POST', '/auth/login', {
            body: { username: 'shared', password: 'x' },
          });
          statuses.push(result.status);
        }
        expect(statuses.slice(0, AUTH_LIMIT)).toEqual(Array<number>(AUTH_LIMIT).fill(401));
        expect(statuses.slice(AUTH_LIMIT)).toEqual(Array<number>(AUTH_LIMIT).fill(429));
      } finally {
        await second.stop();
        await first.close();
      }
    });
  },
);
