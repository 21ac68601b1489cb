import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import type { TestApp } from '../helpers/test-app';
import {
  ADMIN,
  expectNoLeak,
  startSecureApp,
  stateFingerprint,
  tableCounts,
  type SecurityClient,
  type Session,
} from './support';

const SQL_PAYLOADS = [
  "' OR '1'='1",
  "' OR 1=1 -- ",
  "admin'--",
  "1' AND SLEEP(3)-- -",
  '1; SELECT pg_sleep(3)',
  "\\'",
  '%27',
  '"); DROP TABLE tickets;--',
  "'; DROP TABLE users; --",
  '1 UNION SELECT username, password_hash FROM users',
  "' || (SELECT password_hash FROM users LIMIT 1) || '",
];
const TICKET = { issue_type: 'major', impact: 10, customer_type: 'paid' };
const TICKET_QUERY_PARAMS = [
  'page',
  'limit',
  'sort',
  'status',
  'priority_level',
  'issue_type',
  'customer_type',
];

/** Injection, hostile bodies and content types (API8, API4); every answer is 4xx, fast, and leaks nothing. */
describe.each(databaseKinds())('injection and hostile input on %s', (database) => {
  let testApp: TestApp;
  let http: SecurityClient;
  let user: Session;
  let admin: Session;

  beforeAll(async () => {
    ({ testApp, http } = await startSecureApp(database));
    user = await http.register('victim');
    admin = await http.login(ADMIN.username, ADMIN.password);
    await http.post('/tickets', TICKET, { token: user.access });
  });

  afterAll(() => testApp.close());

  const timed = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    const result = await work();
    return { result, ms: performance.now() - started };
  };

  it.each(SQL_PAYLOADS)('should treat %p as data in sign-in and registration', async (payload) => {
    const before = await tableCounts(testApp);
    for (const body of [
      { username: payload, password: 'correct horse battery' },
      { username: 'victim', password: payload },
    ]) {
      const { result, ms } = await timed(() => http.post('/auth/login', body));
      expect([400, 401]).toContain(result.status);
      expect(ms).toBeLessThan(1000);
      expectNoLeak(result);
      const registered = await http.post('/auth/register', body);
      expect([400, 409]).toContain(registered.status);
      expectNoLeak(registered);
    }
    expect(await tableCounts(testApp)).toEqual(before);
  });

  it.each(SQL_PAYLOADS)(
    'should refuse %p in every ticket field and query parameter',
    async (payload) => {
      const before = await stateFingerprint(testApp);
      for (const field of ['issue_type', 'impact', 'customer_type']) {
        const result = await http.post(
          '/tickets',
          { ...TICKET, [field]: payload },
          { token: user.access },
        );
        expectProblem(result, 400);
      }
      for (const param of TICKET_QUERY_PARAMS) {
        const { result, ms } = await timed(() =>
          http.get(`/tickets?${param}=${encodeURIComponent(payload)}`, { token: user.access }),
        );
        expectProblem(result, 400);
        expect(ms).toBeLessThan(1000);
      }
      for (const param of ['page', 'limit']) {
        const result = await http.get(`/users?${param}=${encodeURIComponent(payload)}`, {
          token: admin.access,
        });
        expectProblem(result, 400);
      }
      for (const path of [
        `/tickets/${encodeURIComponent(payload)}`,
        `/users/${encodeURIComponent(payload)}`,
      ]) {
        const result = await http.request(
          path.startsWith('/users') ? 'PATCH' : 'GET',
          path,
          path.startsWith('/users') ? { role: 'agent' } : undefined,
          { token: admin.access },
        );
        expect([400, 404]).toContain(result.status);
        expectNoLeak(result);
      }
      expect(await stateFingerprint(testApp)).toBe(before);
    },
  );

  it('should store SQL in free-text fields literally', async () => {
    const title = SQL_PAYLOADS[7];
    const created = await http.post(
      '/tickets',
      { ...TICKET, title, description: SQL_PAYLOADS[9] },
      { token: user.access },
    );
    expect(created.status).toBe(201);
    const read = await http.get(`/tickets/${created.body.id}`, { token: user.access });
    expect(read.body).toMatchObject({ title, description: SQL_PAYLOADS[9] });
    expect((await tableCounts(testApp)).tickets).toBeGreaterThan(1);
  });

  it.each<[string, object]>([
    ['an object password', { username: 'victim', password: { password: 1 } }],
    ['an object username', { username: { username: 1 }, password: 'x' }],
    ['an array username', { username: ['victim'], password: 'correct horse battery' }],
    ['a boolean password', { username: 'victim', password: true }],
    ['a null username', { username: null, password: 'correct horse battery' }],
  ])('should refuse %s at sign-in with 400', async (_label, body) => {
    expectProblem(await http.post('/auth/login', body), 400);
  });

  it.each<[string, unknown]>([
    ['an object', { name: 'x', priority_score: 99 }],
    ['an array', ['critical']],
    ['null', null],
    ['a NUL suffix', 'critical\u0000'],
    ['another case', 'Critical'],
    ['padding', ' critical'],
  ])('should refuse %s as an issue type', async (_label, value) => {
    expectProblem(
      await http.post('/tickets', { ...TICKET, issue_type: value }, { token: user.access }),
      400,
    );
  });

  it.each([0, -1, 1.5, '5abc', 'NaN', true, [], 2147483648, 1e308, '1e3', null])(
    'should refuse impact %p',
    async (impact) => {
      expectProblem(
        await http.post('/tickets', { ...TICKET, impact }, { token: user.access }),
        400,
      );
    },
  );

  it.each(['0', '-1', 'abc', '1e9', '100000', '1.5', ''])(
    'should refuse limit=%p',
    async (limit) => {
      expectProblem(await http.get(`/tickets?limit=${limit}`, { token: user.access }), 400);
    },
  );

  it.each([
    'CASE WHEN 1=1 THEN id ELSE created_at END',
    'id;DROP TABLE tickets',
    'priority_score',
    'ASC;DELETE FROM users',
  ])('should refuse sort=%p', async (sort) => {
    expectProblem(
      await http.get(`/tickets?sort=${encodeURIComponent(sort)}`, { token: user.access }),
      400,
    );
  });

  it.each(['abc', '1.5', '-1', '0x10', '99999999999999999999999', 'undefined', 'null'])(
    'should answer /tickets/%s with 400 or 404',
    async (id) => {
      const result = await http.get(`/tickets/${id}`, { token: user.access });
      expect([400, 404]).toContain(result.status);
      expectNoLeak(result);
    },
  );

  it('should answer a 2 MB body with 413, before any work', async () => {
    const before = await tableCounts(testApp);
    const raw = JSON.stringify({ ...TICKET, description: 'x'.repeat(2 * 1024 * 1024) });
    const result = await http.post('/tickets', undefined, {
      token: user.access,
      raw,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(result, 413);
    expect(await tableCounts(testApp)).toEqual(before);
  });

  it('should answer deeply nested JSON quickly with 400', async () => {
    for (const raw of [
      '['.repeat(45_000) + ']'.repeat(45_000),
      '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
    ]) {
      const { result, ms } = await timed(() =>
        http.post('/tickets', undefined, {
          token: user.access,
          raw,
          headers: { 'content-type': 'application/json' },
        }),
      );
      expect(result.status).toBe(400);
      expect(ms).toBeLessThan(1000);
      expectNoLeak(result);
    }
  });

  it('should answer malformed JSON with 400 and other media types with 415', async () => {
    const send = (raw: string, type?: string) =>
      http.post('/tickets', undefined, {
        token: user.access,
        raw,
        headers: type ? { 'content-type': type } : {},
      });
    expectProblem(await send('{"issue_type":', 'application/json'), 400);
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
      'multipart/form-data; boundary=x',
    ]) {
      expectProblem(await send('issue_type=major&impact=1&customer_type=paid', type), 415);
    }
  });

  it('should not let a NUL byte shorten a password', async () => {
    const body = { username: 'nul.user', password: 'pass\u0000word12345' };
    expect((await http.post('/auth/register', body)).status).toBe(201);
    expect(
      (await http.post('/auth/login', { username: 'nul.user', password: 'pass' })).status,
    ).toBe(401);
    expect((await http.post('/auth/login', body)).status).toBe(200);
  });

  it.each(['nul\u0000name', 'emoji😀', 'lone\ud800', 'a'.repeat(300), 'tab\tname', 'line\nbreak'])(
    'should refuse the username %p with 400',
    async (username) => {
      const result = await http.post('/auth/register', {
        username,
        password: 'correct horse battery',
      });
      expectProblem(result, 400);
    },
  );

  it.each(['nul\u0000title', 'emoji 😀 title', 'lone \ud800 surrogate', '\u202eright-to-left'])(
    'should store or refuse the title %p, never fail',
    async (title) => {
      const result = await http.post('/tickets', { ...TICKET, title }, { token: user.access });
      expect([201, 400]).toContain(result.status);
      expectNoLeak(result);
    },
  );

  it('should refuse a title longer than its column', async () => {
    expectProblem(
      await http.post('/tickets', { ...TICKET, title: 'x'.repeat(201) }, { token: user.access }),
      400,
    );
  });
});
