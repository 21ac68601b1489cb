import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import type { TestApp } from '../helpers/test-app';
import { PASSWORD, startSecureApp, type SecurityClient, type Session } from './support';

const DAY_MS = 86_400_000;

/** Refresh-token rotation, reuse detection (RFC 9700), logout and password change. */
describe.each(databaseKinds())('sessions on %s', (database) => {
  let testApp: TestApp;
  let http: SecurityClient;
  let counter = 0;

  beforeAll(async () => {
    ({ testApp, http } = await startSecureApp(database));
  });

  afterAll(() => testApp.close());

  afterEach(() => testApp.setNow(undefined));

  const fresh = () => http.register(`user.${++counter}`);
  const refresh = (token: string) => http.post('/auth/refresh', { refresh_token: token });
  const canUse = async (access: string) => (await http.get('/tickets', { token: access })).status;

  it('should rotate: a refresh returns a new pair and spends the old token', async () => {
    const session = await fresh();
    const next = await refresh(session.refresh);
    expect(next.status).toBe(200);
    expect(next.headers.get('cache-control')).toBe('no-store');
    expect(next.body.refresh_token).not.toBe(session.refresh);
    expect(next.body.access_token).not.toBe(session.access);
    expect(await canUse(next.body.access_token)).toBe(200);
    const again = await refresh(next.body.refresh_token);
    expect(again.status).toBe(200);
  });

  it('should store refresh tokens only as hashes', async () => {
    const session = await fresh();
    const rows: { token_hash: string }[] = await testApp.dataSource.query(
      'SELECT token_hash FROM refresh_tokens',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
    expect(rows.some((row) => row.token_hash === session.refresh)).toBe(false);
  });

  it('should revoke the whole family when a spent token is presented again', async () => {
    const session = await fresh();
    const r2 = (await refresh(session.refresh)).body;
    expectProblem(await refresh(session.refresh), 401);
    expectProblem(await refresh(r2.refresh_token), 401);
    expect(await canUse(r2.access_token)).toBe(401);
    expect(await canUse(session.access)).toBe(401);
  });

  it('should let exactly one of 10 concurrent refreshes of one token win', async () => {
    const session = await fresh();
    const results = await Promise.all(Array.from({ length: 10 }, () => refresh(session.refresh)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(9);
    const used: { n: number | string }[] = await testApp.dataSource.query(
      'SELECT COUNT(*) AS n FROM refresh_tokens WHERE used_at IS NOT NULL AND session_id = ?',
      [
        (
          JSON.parse(Buffer.from(session.access.split('.')[1], 'base64url').toString()) as {
            sid: string;
          }
        ).sid,
      ],
    );
    expect(Number(used[0].n)).toBe(1);
  });

  it('should not accept an access token as a refresh token, nor the reverse', async () => {
    const session = await fresh();
    expectProblem(await refresh(session.access), 401);
    expectProblem(await http.get('/tickets', { token: session.refresh }), 401);
    expect((await refresh(session.refresh)).status).toBe(200);
  });

  it('should refuse junk refresh tokens with 400 or 401, never more', async () => {
    for (const body of [{}, { refresh_token: '' }, { refresh_token: 1 }, { refresh_token: 'x' }]) {
      const result = await http.post('/auth/refresh', body);
      expect([400, 401]).toContain(result.status);
    }
  });

  it('should end a session after its absolute lifetime, however often it was rotated', async () => {
    const start = new Date();
    testApp.setNow(start);
    const session = await http.login(`user.${counter}`);
    let token = session.refresh;
    for (const day of [10, 20, 29]) {
      testApp.setNow(new Date(start.getTime() + day * DAY_MS));
      const next = await refresh(token);
      expect(next.status).toBe(200);
      expect(next.body.refresh_expires_in).toBeLessThanOrEqual((30 - day) * 86_400);
      token = next.body.refresh_token;
    }
    testApp.setNow(new Date(start.getTime() + 30 * DAY_MS + 1000));
    expectProblem(await refresh(token), 401);
  });

  it('should end the session on logout: its refresh token and its access token', async () => {
    const session = await fresh();
    const other = await http.login(`user.${counter}`);
    const logout = await http.post('/auth/logout', undefined, { token: session.access });
    expect(logout.status).toBe(204);
    expect(await canUse(session.access)).toBe(401);
    expectProblem(await refresh(session.refresh), 401);
    expect(await canUse(other.access)).toBe(200);
  });

  it('should answer /auth/me with the caller and nothing secret', async () => {
    const session = await fresh();
    const me = await http.get('/auth/me', { token: session.access });
    expect(me.body).toEqual({
      id: session.id,
      username: `user.${counter}`,
      role: 'reporter',
      created_at: expect.any(String),
      organization: null,
    });
  });

  describe('POST /auth/password', () => {
    let session: Session;
    let other: Session;
    let username: string;

    beforeEach(async () => {
      session = await fresh();
      username = `user.${counter}`;
      other = await http.login(username);
    });

    const change = (body: object, token = session.access) =>
      http.post('/auth/password', body, { token });

    it('should change the password and end every other session', async () => {
      const result = await change({
        current_password: PASSWORD,
        new_password: 'a brand new secret',
      });
      expect(result.status).toBe(204);
      expect(await canUse(session.access)).toBe(200);
      expect(await canUse(other.access)).toBe(401);
      expectProblem(await refresh(other.refresh), 401);
      expectProblem(await http.post('/auth/login', { username, password: PASSWORD }), 401);
      expect(
        (await http.post('/auth/login', { username, password: 'a brand new secret' })).status,
      ).toBe(200);
    });

    it('should refuse a wrong current password with 403 and change nothing', async () => {
      expectProblem(
        await change({ current_password: 'nope', new_password: 'a brand new secret' }),
        403,
      );
      expect(await canUse(other.access)).toBe(200);
      expect((await http.post('/auth/login', { username, password: PASSWORD })).status).toBe(200);
    });

    it.each(['password123', 'qwertyuiop', 'PASSWORD1', 'short', 'x'.repeat(73)])(
      'should refuse the new password %p',
      async (newPassword) => {
        expectProblem(await change({ current_password: PASSWORD, new_password: newPassword }), 400);
      },
    );

    it('should need a token', async () => {
      expectProblem(
        await http.post('/auth/password', {
          current_password: PASSWORD,
          new_password: 'whatever long',
        }),
        401,
      );
    });
  });
});
