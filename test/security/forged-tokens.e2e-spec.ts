import { createHmac } from 'node:crypto';

import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import type { TestApp } from '../helpers/test-app';
import {
  ADMIN,
  claimsOf,
  nowSeconds,
  signToken,
  startSecureApp,
  unsignedToken,
  type SecurityClient,
  type Session,
} from './support';

/** Every way we know to forge, bend or replay an access token; each must get 401. */
describe.each(databaseKinds())('forged access tokens on %s', (database) => {
  let testApp: TestApp;
  let http: SecurityClient;
  let alice: Session;
  let claims: Record<string, unknown>;
  const valid = () => ({ ...claims, iat: nowSeconds(), exp: nowSeconds() + 60 });

  beforeAll(async () => {
    ({ testApp, http } = await startSecureApp(database));
    alice = await http.register('alice');
    await http.register('bob');
    claims = claimsOf(alice.access);
  });

  afterAll(() => testApp.close());

  const expect401 = async (token: string) => {
    for (const path of ['/tickets', '/auth/me']) {
      expectProblem(await http.get(path, { token }), 401);
    }
  };

  it('should accept a well-formed token it signed (the control case)', async () => {
    expect((await http.get('/auth/me', { token: signToken(valid()) })).body.username).toBe('alice');
  });

  it('should issue access tokens with exp, a uuid jti, a session id and at most 15 minutes', () => {
    expect(claims).toMatchObject({
      typ: 'access',
      sid: expect.any(String),
      jti: expect.any(String),
    });
    expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(900);
  });

  it.each(['none', 'None', 'NONE', 'nOnE', ''])('should refuse alg %p', async (alg) => {
    await expect401(unsignedToken(valid(), alg));
  });

  it('should refuse a real token with its signature stripped', async () => {
    await expect401(alice.access.split('.').slice(0, 2).join('.') + '.');
  });

  it.each([
    ['HS384', 'sha384'],
    ['HS512', 'sha512'],
  ])('should refuse %s signed with the right secret', async (alg, hash) => {
    await expect401(signToken(valid(), { alg, typ: 'JWT' }, undefined, hash));
  });

  it('should refuse another secret, and an empty one', async () => {
    await expect401(signToken(valid(), undefined, 'another-secret-of-enough-length-0123456789'));
    await expect401(signToken(valid(), undefined, ''));
  });

  it('should refuse key material named in the header (jwk, kid, jku, x5u)', async () => {
    const attackerKey = 'attacker-key';
    const header = {
      alg: 'HS256',
      typ: 'JWT',
      jwk: { kty: 'oct', k: Buffer.from(attackerKey).toString('base64url') },
      kid: '../../../../dev/null',
      jku: 'http://127.0.0.1:9/keys',
      x5u: 'http://127.0.0.1:9/cert',
    };
    await expect401(signToken(valid(), header, attackerKey));
    await expect401(signToken(valid(), { alg: 'HS256', kid: '../../../../dev/null' }, ''));
  });

  it('should refuse a tampered payload and a flipped signature', async () => {
    const [header, , signature] = alice.access.split('.');
    const bobClaims = { ...claims, sub: String(Number(claims.sub) + 1) };
    await expect401(
      `${header}.${Buffer.from(JSON.stringify(bobClaims)).toString('base64url')}.${signature}`,
    );
    const flipped = signature[0] === 'A' ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    await expect401(`${header}.${alice.access.split('.')[1]}.${flipped}`);
    await expect401(`${alice.access}.extra`);
  });

  it('should refuse expired, not-yet-valid and exp-less tokens', async () => {
    await expect401(signToken({ ...claims, iat: nowSeconds() - 120, exp: nowSeconds() - 1 }));
    await expect401(signToken({ ...valid(), nbf: nowSeconds() + 60 }));
    const { exp: _exp, ...withoutExp } = valid();
    await expect401(signToken(withoutExp));
    await expect401(signToken({ ...valid(), exp: String(nowSeconds() + 60) }));
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['null', null],
    ['unknown id', '999999'],
    ['an object', { id: 1 }],
    ['SQL', '1 OR 1=1'],
    ['a number', 1],
    ['zero', '0'],
    ['negative', '-1'],
    ['huge', '99999999999999999999'],
    ['an array', ['1']],
  ])('should refuse sub = %s', async (_label, sub) => {
    await expect401(signToken({ ...valid(), sub }));
  });

  it.each<[string, Record<string, unknown>]>([
    ['no typ', { typ: undefined }],
    ['typ refresh', { typ: 'refresh' }],
    ['no sid', { sid: undefined }],
    ['an unknown sid', { sid: '00000000-0000-4000-8000-000000000000' }],
    ['no jti', { jti: undefined }],
    ['a non-uuid jti', { jti: "' OR 1=1 --" }],
  ])('should refuse %s', async (_label, change) => {
    await expect401(signToken({ ...valid(), ...change }));
  });

  it("should refuse a token carrying another user's session id", async () => {
    const bob = await http.login('bob');
    await expect401(signToken({ ...valid(), sid: claimsOf(bob.access).sid }));
  });

  it('should not take the token from the query string or a cookie', async () => {
    const result = await http.get(`/tickets?access_token=${alice.access}`);
    expect(result.status).toBe(401);
    expect(
      (await http.get('/tickets', { headers: { cookie: `token=${alice.access}` } })).status,
    ).toBe(401);
  });

  it("should stop a disabled user's tokens at once, and a deleted user's", async () => {
    const carol = await http.register('carol');
    const admin = await http.login(ADMIN.username, ADMIN.password);
    const patch = await http.patch(
      `/users/${carol.id}`,
      { disabled: true },
      { token: admin.access },
    );
    expect(patch.status).toBe(200);
    await expect401(carol.access);
    expectProblem(await http.post('/auth/refresh', { refresh_token: carol.refresh }), 401);
    expectProblem(
      await http.post('/auth/login', { username: 'carol', password: 'correct horse battery' }),
      401,
    );

    const dave = await http.register('dave');
    await testApp.dataSource.query('DELETE FROM users WHERE id = ?', [dave.id]);
    await expect401(dave.access);
    expectProblem(await http.post('/auth/refresh', { refresh_token: dave.refresh }), 401);
  });

  it('should keep the signing secret out of the common-secret wordlist', () => {
    const [header, payload, signature] = alice.access.split('.');
    for (const guess of [
      'secret',
      'changeme',
      '',
      'your-256-bit-secret',
      'jwt-secret',
      'dev-secret',
    ]) {
      const forged = createHmac('sha256', guess).update(`${header}.${payload}`).digest('base64url');
      expect(forged).not.toBe(signature);
    }
  });
});
