import { buildConfig, ConfigError } from '../../apps/api/src/config';
import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import type { TestApp } from '../helpers/test-app';
import {
  ADMIN,
  expectNoLeak,
  startSecureApp,
  stateFingerprint,
  type SecurityClient,
  type Session,
} from './support';

const TICKET = { issue_type: 'minor', impact: 3, customer_type: 'free', title: 'mine' };
const PUBLIC_ROUTES = ['POST /auth/register', 'POST /auth/login', 'POST /auth/refresh'];

interface Route {
  method: string;
  path: string;
}

/** Every operation the OpenAPI document lists, so routes added later are checked too. */
async function documentedRoutes(http: SecurityClient): Promise<Route[]> {
  const doc = (await http.get('/docs-json')).body as { paths: Record<string, object> };
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path })),
  );
}

/** BOLA, function-level authorisation, role changes and mass assignment (API1, API3, API5). */
describe.each(databaseKinds())('access control on %s', (database) => {
  let testApp: TestApp;
  let http: SecurityClient;
  let ann: Session;
  let ben: Session;
  let admin: Session;
  let annTicket: number;

  beforeAll(async () => {
    ({ testApp, http } = await startSecureApp(database));
    ann = await http.register('ann');
    ben = await http.register('ben');
    admin = await http.login(ADMIN.username, ADMIN.password);
    annTicket = (await http.post('/tickets', TICKET, { token: ann.access })).body.id;
  }, 30_000);

  afterAll(() => testApp.close());

  it('should need a token on every documented route but sign-in and health', async () => {
    const routes = await documentedRoutes(http);
    expect(routes.length).toBeGreaterThan(8);
    for (const { method, path } of routes) {
      if (PUBLIC_ROUTES.includes(`${method} ${path}`) || path.startsWith('/health')) continue;
      // Scrapers reach /metrics without a user; METRICS_TOKEN guards it (test/ops/metrics).
      if (path === '/metrics') continue;
      const body = method === 'GET' ? undefined : {};
      const result = await http.request(method, path.replace(/\{[^}]+\}/g, '1'), body);
      expect(`${method} ${path} ${result.status}`).toBe(`${method} ${path} 401`);
    }
  });

  it("should hide another reporter's ticket on every /tickets/{id} route", async () => {
    const before = await stateFingerprint(testApp);
    const routes = (await documentedRoutes(http)).filter((r) => /^\/tickets\/\{/.test(r.path));
    expect(routes.length).toBeGreaterThan(0);
    for (const { method, path } of routes) {
      const url = path.replace(/\{[^}]+\}/g, String(annTicket));
      // A valid body for each route, so only the access check can refuse it.
      const valid = path.endsWith('/comments') ? { body: 'hello' } : { status: 'closed' };
      const body = method === 'GET' || method === 'DELETE' ? undefined : valid;
      const result = await http.request(method, url, body, { token: ben.access });
      expect([403, 404]).toContain(result.status);
      expectNoLeak(result);
    }
    expect(await stateFingerprint(testApp)).toBe(before);
  });

  it("should never list another reporter's tickets, whatever the query", async () => {
    for (const query of ['', '?created_by=1', '?user_id=1&all=true', '?limit=100&page=1']) {
      const result = await http.get(`/tickets${query}`, { token: ben.access });
      const tickets = (result.body?.tickets ?? []) as { id: number }[];
      expect(tickets.some((t) => t.id === annTicket)).toBe(false);
    }
  });

  it('should keep admin routes from reporters and agents with 403', async () => {
    await testApp.dataSource.query("UPDATE users SET role = 'agent' WHERE id = ?", [ben.id]);
    for (const token of [ann.access, ben.access]) {
      expectProblem(await http.get('/users', { token }), 403);
      expectProblem(await http.patch(`/users/${ann.id}`, { role: 'admin' }, { token }), 403);
    }
    await testApp.dataSource.query("UPDATE users SET role = 'reporter' WHERE id = ?", [ben.id]);
    expect((await http.get('/auth/me', { token: ann.access })).body.role).toBe('reporter');
  });

  it('should list users to an admin, paginated, without hashes', async () => {
    const result = await http.get('/users?page=1&limit=2', { token: admin.access });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ page: 1, limit: 2, total: 3 });
    expect(result.body.users).toHaveLength(2);
    expect(Object.keys(result.body.users[0]).sort()).toEqual(
      ['created_at', 'disabled', 'id', 'organization', 'role', 'username'].sort(),
    );
    expectNoLeak(result);
    expectProblem(await http.get('/users?limit=1000', { token: admin.access }), 400);
  });

  it('should apply a promotion and a demotion at once, to tokens already issued', async () => {
    const promote = await http.patch(
      `/users/${ben.id}`,
      { role: 'admin' },
      { token: admin.access },
    );
    expect(promote.body).toMatchObject({ id: ben.id, role: 'admin', disabled: false });
    expect((await http.get('/users', { token: ben.access })).status).toBe(200);
    await http.patch(`/users/${ben.id}`, { role: 'reporter' }, { token: admin.access });
    expectProblem(await http.get('/users', { token: ben.access }), 403);
    expectProblem(await http.get(`/tickets/${annTicket}`, { token: ben.access }), 404);
  });

  it('should not let an admin demote or disable themselves', async () => {
    expectProblem(
      await http.patch(`/users/${admin.id}`, { role: 'agent' }, { token: admin.access }),
      409,
    );
    expectProblem(
      await http.patch(`/users/${admin.id}`, { disabled: true }, { token: admin.access }),
      409,
    );
  });

  it.each<[string, object]>([
    ['an unknown role', { role: 'superadmin' }],
    ['a username', { username: 'ann2' }],
    ['a password hash', { passwordHash: 'x' }],
    ['an id', { id: 1 }],
    ['nothing', {}],
    ['a string for disabled', { disabled: 'true' }],
  ])('should refuse PATCH /users/:id with %s', async (_label, body) => {
    const before = await stateFingerprint(testApp);
    expectProblem(await http.patch(`/users/${ann.id}`, body, { token: admin.access }), 400);
    expect(await stateFingerprint(testApp)).toBe(before);
  });

  it('should answer 404 for an unknown user and 400 for a bad id', async () => {
    expectProblem(
      await http.patch('/users/999999', { role: 'agent' }, { token: admin.access }),
      404,
    );
    expectProblem(await http.patch('/users/abc', { role: 'agent' }, { token: admin.access }), 400);
  });

  it.each<[string, object]>([
    ['a score and level', { priority_score: 999, priority_level: 'P0', score: 999, level: 'P0' }],
    ['an owner', { created_by: 1, user_id: 1 }],
    ['an id', { id: 1 }],
    ['a status and dates', { status: 'closed', created_at: '2000-01-01T00:00:00Z' }],
    ['a prototype', JSON.parse('{"__proto__":{"role":"admin"}}')],
  ])('should refuse a ticket carrying %s (mass assignment)', async (_label, extra) => {
    const before = await stateFingerprint(testApp);
    expectProblem(await http.post('/tickets', { ...TICKET, ...extra }, { token: ann.access }), 400);
    expect(await stateFingerprint(testApp)).toBe(before);
  });

  it.each<[string, object]>([
    ['a role', { role: 'admin' }],
    ['an admin flag', { isAdmin: true, admin: true }],
    ['an id', { id: 1 }],
    ['disabled', { disabled: false }],
    ['a prototype', JSON.parse('{"__proto__":{"role":"admin"}}')],
    ['a constructor', { constructor: { prototype: { role: 'admin' } } }],
  ])('should refuse a registration choosing %s', async (_label, extra) => {
    const before = await stateFingerprint(testApp);
    const body = { username: 'mallory', password: 'correct horse battery', ...extra };
    expectProblem(await http.post('/auth/register', body), 400);
    expect(await stateFingerprint(testApp)).toBe(before);
  });

  it('should refuse the most common passwords at registration', async () => {
    for (const password of ['password123', 'qwertyuiop', '12345678', 'Password1', ' iloveyou ']) {
      expectProblem(await http.post('/auth/register', { username: 'weak.one', password }), 400);
    }
  });

  it('should have no default accounts', async () => {
    for (const [username, password] of [
      ['admin', 'admin'],
      ['admin', 'password'],
      ['root', 'root'],
      [ADMIN.username, 'admin'],
    ]) {
      expect((await http.post('/auth/login', { username, password })).status).toBe(401);
    }
  });

  it('should send no CORS headers to other origins when CORS_ORIGINS is unset', async () => {
    const preflight = await http.request('OPTIONS', '/tickets', undefined, {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const get = await http.get('/tickets', {
      token: ann.access,
      headers: { origin: 'https://evil.example' },
    });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('should send security headers and no version on API responses', async () => {
    const result = await http.get('/tickets', { token: ann.access });
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    expect(result.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(result.headers.get('x-powered-by')).toBeNull();
  });
});

describe.each(databaseKinds())('deployment switches on %s', (database) => {
  it('should close registration when ALLOW_REGISTRATION=false, and keep sign-in open', async () => {
    const { testApp, http } = await startSecureApp(database, { ALLOW_REGISTRATION: 'false' });
    try {
      const result = await http.post('/auth/register', {
        username: 'eve.x',
        password: 'correct horse battery',
      });
      expectProblem(result, 403);
      expect((await http.post('/auth/login', ADMIN)).status).toBe(200);
    } finally {
      await testApp.close();
    }
  });

  it('should echo only the listed origins when CORS_ORIGINS is set', async () => {
    const { testApp, http } = await startSecureApp(database, {
      CORS_ORIGINS: 'https://app.example.com',
    });
    try {
      const ask = (origin: string) =>
        http.request('OPTIONS', '/tickets', undefined, {
          headers: { origin, 'access-control-request-method': 'GET' },
        });
      const allowed = await ask('https://app.example.com');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      for (const origin of [
        'https://evil.example',
        'null',
        'https://app.example.com.evil.example',
      ]) {
        expect((await ask(origin)).headers.get('access-control-allow-origin')).toBeNull();
      }
    } finally {
      await testApp.close();
    }
  });

  it('should never promote an existing account named by ADMIN_USERNAME', async () => {
    const first = await startSecureApp(database, { ADMIN_USERNAME: '', ADMIN_PASSWORD: '' });
    await first.http.register('early.bird');
    await first.testApp.stop();
    const second = await startSecureApp(first.testApp.database, {
      ADMIN_USERNAME: 'Early.Bird',
      ADMIN_PASSWORD: 'a strong admin password',
    });
    try {
      const me = await second.http.login('early.bird');
      expect((await second.http.get('/auth/me', { token: me.access })).body.role).toBe('reporter');
      expect(
        (
          await second.http.post('/auth/login', {
            username: 'early.bird',
            password: 'a strong admin password',
          })
        ).status,
      ).toBe(401);
    } finally {
      await second.testApp.stop();
      await first.testApp.database.drop();
    }
  });

  it.each<[string, Record<string, string>]>([
    ['a common admin password', { ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'password123' }],
    ['a short admin password', { ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'short' }],
    ['an admin without password', { ADMIN_USERNAME: 'boss' }],
    ['TRUST_PROXY=true', { TRUST_PROXY: 'true' }],
    ['a wildcard CORS origin', { CORS_ORIGINS: '*' }],
  ])('should refuse to start with %s', (_label, env) => {
    expect(() => buildConfig(env)).toThrow(ConfigError);
  });
});
