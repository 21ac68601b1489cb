import fc from 'fast-check';

import { databaseKinds } from '../helpers/databases';
import type { RequestOptions } from '../helpers/http';
import type { TestApp } from '../helpers/test-app';
import {
  ADMIN,
  expectNoLeak,
  PASSWORD,
  startSecureApp,
  stateFingerprint,
  type SecurityClient,
  type Session,
} from './support';

/** Runs per property; 9 properties × 2 databases × this ≈ thousands of requests in all. */
const RUNS = 100;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 100_000);

/** Every byte percent-encoded (encodeURIComponent throws on a lone surrogate). */
const percentEncoded = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** Field names the API knows, plus names an attacker would try; values come from anywhere. */
const KEYS = [
  'username',
  'password',
  'refresh_token',
  'current_password',
  'new_password',
  'issue_type',
  'impact',
  'customer_type',
  'title',
  'description',
  'role',
  'disabled',
  'id',
  'status',
  'priority_score',
  'created_by',
  'page',
  'limit',
  'sort',
  'priority_level',
  'foo',
];
const nasty = fc.constantFrom(
  '',
  ' ',
  "' OR 1=1 --",
  '\u0000',
  '\ud800',
  '😀',
  'a'.repeat(300),
  '1e308',
  '-1',
  '0',
  'null',
  'true',
  '[]',
  '{}',
  'admin',
  'critical',
  'enterprise',
  'P0',
  'priority',
  '99999999999999999999',
);
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nasty,
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const anyBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 4 }),
);
const mutate = (valid: Record<string, unknown>) =>
  fc
    .record(
      Object.fromEntries(
        Object.keys(valid).map((key) => [key, fc.oneof(fc.constant(valid[key]), value)]),
      ),
    )
    .chain((base) =>
      fc
        .dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 2 })
        .map((extra) => ({ ...base, ...extra })),
    );
const queryString = fc
  .dictionary(fc.constantFrom(...KEYS), fc.oneof(nasty, fc.string({ maxLength: 30 })), {
    maxKeys: 4,
  })
  .map((params) => new URLSearchParams(params).toString());

/**
 * Property-based fuzz of every endpoint's body and query (API4, API8): never a 5xx, never a
 * leak, and a rejected request changes nothing.
 */
jest.setTimeout(60_000);

describe.each(databaseKinds())('fuzzing every endpoint on %s', (database) => {
  let testApp: TestApp;
  let http: SecurityClient;
  let user: Session;
  let admin: Session;
  let target: Session;

  beforeAll(async () => {
    ({ testApp, http } = await startSecureApp(database));
    user = await http.register('fuzz.user');
    target = await http.register('fuzz.target');
    admin = await http.login(ADMIN.username, ADMIN.password);
    await http.post(
      '/tickets',
      { issue_type: 'minor', impact: 1, customer_type: 'free' },
      { token: user.access },
    );
  });

  afterAll(() => testApp.close());

  async function probe(
    method: string,
    path: string,
    body: unknown,
    token?: string,
    options: RequestOptions = {},
  ) {
    const before = await stateFingerprint(testApp);
    const result = await http.request(method, path, body, { token, ...options });
    expect(result.status).toBeLessThan(500);
    if (result.status >= 400) {
      expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expectNoLeak(result);
      expect(await stateFingerprint(testApp)).toBe(before);
    }
  }

  const expectSurvives = <T>(arbitrary: fc.Arbitrary<T>, run: (input: T) => Promise<void>) =>
    fc.assert(fc.asyncProperty(arbitrary, run), { numRuns: RUNS, seed: SEED });

  it('should survive POST /auth/register', () =>
    expectSurvives(fc.oneof(anyBody, mutate({ username: 'fuzzed', password: PASSWORD })), (body) =>
      probe('POST', '/auth/register', body),
    ));

  it('should survive POST /auth/login', () =>
    expectSurvives(
      fc.oneof(anyBody, mutate({ username: 'fuzz.user', password: 'wrong password' })),
      (body) => probe('POST', '/auth/login', body),
    ));

  it('should survive POST /auth/refresh', () =>
    expectSurvives(fc.oneof(anyBody, mutate({ refresh_token: 'x'.repeat(43) })), (body) =>
      probe('POST', '/auth/refresh', body),
    ));

  it('should survive POST /auth/password', () =>
    expectSurvives(
      fc.oneof(anyBody, mutate({ current_password: 'wrong', new_password: 'another long one' })),
      (body) => probe('POST', '/auth/password', body, user.access),
    ));

  it('should survive POST /tickets', () =>
    expectSurvives(
      fc.oneof(anyBody, mutate({ issue_type: 'major', impact: 5, customer_type: 'paid' })),
      (body) => probe('POST', '/tickets', body, user.access),
    ));

  it('should survive GET /tickets with any query, and GET /tickets/:id with any id', () =>
    expectSurvives(
      fc.tuple(queryString, fc.oneof(fc.string({ maxLength: 20 }), nasty)),
      async ([query, id]) => {
        await probe('GET', `/tickets?${query}`, undefined, user.access);
        await probe('GET', `/tickets/${percentEncoded(id)}`, undefined, user.access);
      },
    ));

  it('should survive GET /users with any query', () =>
    expectSurvives(queryString, (query) =>
      probe('GET', `/users?${query}`, undefined, admin.access),
    ));

  it('should survive PATCH /users/:id', () =>
    expectSurvives(fc.oneof(anyBody, mutate({ role: 'agent', disabled: false })), (body) =>
      probe('PATCH', `/users/${target.id}`, body, admin.access),
    ));

  it('should survive raw, malformed bodies on every write route', () =>
    expectSurvives(
      fc.tuple(
        fc.constantFrom(
          '/auth/register',
          '/auth/login',
          '/auth/refresh',
          '/auth/password',
          '/tickets',
        ),
        fc.string({ maxLength: 200 }),
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
        ),
      ),
      ([path, raw, type]) =>
        probe('POST', path, undefined, user.access, { raw, headers: { 'content-type': type } }),
    ));
});
