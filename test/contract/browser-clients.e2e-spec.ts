import { databaseKinds } from '../helpers/databases';
import { expectProblem, Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

const ORIGIN = 'https://console.example.com';
const ticket = { issue_type: 'major', impact: 20, customer_type: 'paid' };

/** What a browser client (the console, Swagger UI, a generated client) relies on. */
describe.each(databaseKinds())('the API for browser clients on %s', (database) => {
  let testApp: TestApp;
  let http: Http;
  let token: string;

  beforeAll(async () => {
    testApp = await startTestApp({ database, env: { CORS_ORIGINS: ORIGIN } });
    http = new Http(testApp.baseUrl);
    token = await http.signUp('browser.client');
  });

  afterAll(() => testApp.close());

  it('should ignore unknown query parameters, such as a cache buster', async () => {
    await http.post('/tickets', ticket, { token });
    for (const query of ['?_=1733100000000', '?utm_source=mail&limit=5', '?unknown=1&page=1']) {
      const result = await http.get(`/tickets${query}`, { token });
      expect(result.status).toBe(200);
      expect(result.body.total).toBe(1);
    }
    expect((await http.get('/tickets?limit=5&_=1', { token })).body.limit).toBe(5);
  });

  it('should still refuse unknown body fields', async () => {
    const result = await http.post('/tickets', { ...ticket, priority_score: 99 }, { token });
    expectProblem(result, 400);
    expect(result.body.errors).toEqual([
      { field: 'priority_score', messages: ['property priority_score should not exist'] },
    ]);
  });

  it.each<[string, unknown, string]>([
    ['impact', '150', 'impact must be an integer'],
    ['impact', 2.5, 'impact must be an integer'],
    ['title', 42, 'title must be a string'],
  ])('should say once what is wrong with %s = %j', async (field, value, message) => {
    const result = await http.post('/tickets', { ...ticket, [field]: value }, { token });
    expectProblem(result, 400);
    expect(result.body.errors).toEqual([{ field, messages: [message] }]);
    expect(result.body.detail).toBe(`Validation failed: ${message}.`);
  });

  it('should give a query number of the wrong type one message too', async () => {
    const result = await http.get('/tickets?limit=abc', { token });
    expectProblem(result, 400);
    expect(result.body.errors).toEqual([
      { field: 'limit', messages: ['limit must be an integer'] },
    ]);
  });

  it('should keep range messages when the type is right', async () => {
    const result = await http.post('/tickets', { ...ticket, impact: 0 }, { token });
    expect(result.body.errors).toEqual([
      { field: 'impact', messages: ['impact must not be less than 1'] },
    ]);
  });

  it('should let an allowed origin send Idempotency-Key and read the replay and limit headers', async () => {
    const preflight = await http.request('OPTIONS', '/tickets', undefined, {
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    expect(allowed.split(/,\s*/)).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'idempotency-key',
        'x-requested-with',
      ]),
    );
    const created = await http.post('/tickets', ticket, {
      token,
      headers: { origin: ORIGIN, 'idempotency-key': 'browser-retry-1' },
    });
    const replay = await http.post('/tickets', ticket, {
      token,
      headers: { origin: ORIGIN, 'idempotency-key': 'browser-retry-1' },
    });
    expect(replay.body.id).toBe(created.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const exposed = (replay.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    expect(exposed.split(/,\s*/)).toEqual(
      expect.arrayContaining([
        'idempotent-replayed',
        'retry-after',
        'x-request-id',
        'x-ratelimit-remaining-api',
      ]),
    );
  });

  it('should make Swagger UI keep the Authorize token across reloads', async () => {
    const init = await http.get('/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
    expect(init.text).toMatch(/"persistAuthorization":\s*true/);
  });
});
