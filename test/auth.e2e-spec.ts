import { createHmac } from 'node:crypto';

import { databaseKinds } from './helpers/databases';
import { expectProblem, Http } from './helpers/http';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/test-app';

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function signToken(
  payload: object,
  header: object = { alg: 'HS256', typ: 'JWT' },
  secret = TEST_JWT_SECRET,
) {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

describe.each(databaseKinds())('auth on %s', (database) => {
  let testApp: TestApp;
  let http: Http;

  beforeAll(async () => {
    testApp = await startTestApp({ database });
    http = new Http(testApp.baseUrl);
  });

  afterAll(() => testApp.close());

  describe('POST /auth/register', () => {
    it('should create a reporter and never return the hash', async () => {
      const result = await http.post('/auth/register', {
        username: 'Alice',
        password: 'password-one',
      });
      expect(result.status).toBe(201);
      expect(result.body).toEqual({
        id: expect.any(Number),
        username: 'alice',
        role: 'reporter',
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      expect(result.text).not.toMatch(/password|\$2[aby]\$/);
    });

    it.each(['alice', 'ALICE', ' alice ', 'ａｌｉｃｅ'])(
      'should refuse %p as a second alice with 409',
      async (username) => {
        const result = await http.post('/auth/register', { username, password: 'password-two' });
        expectProblem(result, 409);
      },
    );

    it.each<[string, object]>([
      ['a short username', { username: 'ab', password: 'password-one' }],
      ['a long username', { username: 'a'.repeat(65), password: 'password-one' }],
      ['a username with a space inside', { username: 'al ice', password: 'password-one' }],
      ['a username with a slash', { username: 'al/ice', password: 'password-one' }],
      ['a short password', { username: 'bobby', password: 'seven77' }],
      ['a password over 72 bytes', { username: 'bobby', password: 'é'.repeat(37) }],
      ['a password that is not a string', { username: 'bobby', password: 12345678 }],
      ['a role', { username: 'bobby', password: 'password-one', role: 'admin' }],
      ['no body', {}],
    ])('should answer 400 for %s and create nothing', async (_label, body) => {
      const result = await http.post('/auth/register', body);
      expectProblem(result, 400);
      expect(result.body.errors.length).toBeGreaterThan(0);
      const login = await http.post('/auth/login', { username: 'bobby', password: 'password-one' });
      expect(login.status).toBe(401);
    });

    it('should accept a password of exactly 72 bytes', async () => {
      const result = await http.post('/auth/register', {
        username: 'max.bytes',
        password: 'x'.repeat(72),
      });
      expect(result.status).toBe(201);
    });
  });

  describe('POST /auth/login', () => {
    it('should return a bearer token that is not cached', async () => {
      const result = await http.post('/auth/login', {
        username: 'ALICE',
        password: 'password-one',
      });
      expect(result.status).toBe(200);
      expect(result.headers.get('cache-control')).toBe('no-store');
      expect(result.body).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 900,
        refresh_token: expect.any(String),
        refresh_expires_in: 30 * 86_400,
      });
      const [header, payload] = result.body.access_token
        .split('.')
        .slice(0, 2)
        .map((part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(header.alg).toBe('HS256');
      expect(payload).toMatchObject({ sub: expect.any(String), exp: payload.iat + 900 });
    });

    it('should answer a wrong password and an unknown user with the same 401', async () => {
      const wrongPassword = await http.post('/auth/login', {
        username: 'alice',
        password: 'wrong-password',
      });
      const unknownUser = await http.post('/auth/login', {
        username: 'nobody',
        password: 'wrong-password',
      });
      expectProblem(wrongPassword, 401);
      expectProblem(unknownUser, 401);
      const { request_id: _a, ...first } = wrongPassword.body;
      const { request_id: _b, ...second } = unknownUser.body;
      expect(first).toEqual(second);
    });

    it('should answer 400 for a missing password', async () => {
      expectProblem(await http.post('/auth/login', { username: 'alice' }), 400);
    });
  });

  describe('the global guard', () => {
    const now = () => Math.floor(Date.now() / 1000);
    let aliceId: string;
    let claims: Record<string, unknown>;

    beforeAll(async () => {
      const login = await http.post('/auth/login', { username: 'alice', password: 'password-one' });
      claims = JSON.parse(
        Buffer.from(login.body.access_token.split('.')[1], 'base64url').toString(),
      );
      aliceId = claims.sub as string;
    });

    it('should accept a token it signed', async () => {
      const token = signToken({ ...claims, iat: now(), exp: now() + 60 });
      expect((await http.get('/tickets', { token })).status).toBe(200);
    });

    it.each<[string, () => string]>([
      ['no token', () => ''],
      ['garbage', () => 'not.a.token'],
      ['an expired token', () => signToken({ sub: aliceId, iat: now() - 120, exp: now() - 60 })],
      ['a token without exp', () => signToken({ sub: aliceId, iat: now() })],
      [
        'another secret',
        () => signToken({ sub: aliceId, exp: now() + 60 }, undefined, 'another-secret'),
      ],
      [
        'alg none',
        () =>
          `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: aliceId, exp: now() + 60 })}.`,
      ],
      [
        'alg HS512',
        () => signToken({ sub: aliceId, exp: now() + 60 }, { alg: 'HS512', typ: 'JWT' }),
      ],
      ['an unknown user', () => signToken({ sub: '999999', exp: now() + 60 })],
      ['a non-numeric sub', () => signToken({ sub: 'alice', exp: now() + 60 })],
      ['a numeric (not string) sub', () => signToken({ sub: Number(aliceId), exp: now() + 60 })],
    ])('should answer 401 for %s', async (_label, token) => {
      expectProblem(await http.get('/tickets', { token: token() }), 401);
    });
  });
});
