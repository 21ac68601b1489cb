import { databaseKinds } from '../helpers/databases';
import { expectProblem, Http, type HttpResult } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { rawRequest } from '../security/raw-request';

const PASSWORD = 'correct horse battery';
const CONSOLE = { 'x-requested-with': 'tps-console' };

/** The `tps_refresh` cookie of a response, with its attributes; undefined when none is set. */
function refreshCookie(result: HttpResult): { value: string; attributes: string[] } | undefined {
  const cookie = result.headers.getSetCookie().find((c) => c.startsWith('tps_refresh='));
  if (!cookie) return undefined;
  const [pair, ...attributes] = cookie.split(/;\s*/);
  return { value: decodeURIComponent(pair.slice('tps_refresh='.length)), attributes };
}

function cookieOf(result: HttpResult): string {
  const cookie = refreshCookie(result);
  if (!cookie) throw new Error(`no tps_refresh cookie: ${result.headers.getSetCookie().join()}`);
  return cookie.value;
}

const cookieHeader = (token: string) => ({ cookie: `tps_refresh=${encodeURIComponent(token)}` });

/** The console's session: the refresh token lives in an HttpOnly cookie scoped to /auth. */
describe.each(databaseKinds())('the refresh-token cookie on %s', (database) => {
  let testApp: TestApp;
  let http: Http;
  let counter = 0;

  beforeAll(async () => {
    testApp = await startTestApp({ database });
    http = new Http(testApp.baseUrl);
  });

  afterAll(() => testApp.close());

  async function signIn(headers: Record<string, string> = {}) {
    const username = `cookie.user${++counter}`;
    expect((await http.post('/auth/register', { username, password: PASSWORD })).status).toBe(201);
    return http.post('/auth/login', { username, password: PASSWORD }, { headers });
  }

  const me = async (token: string) => (await http.get('/auth/me', { token })).status;

  it('should set it HttpOnly, SameSite=Strict, Path=/auth at login, beside the body for API clients', async () => {
    const login = await signIn();
    expect(login.status).toBe(200);
    const cookie = refreshCookie(login);
    expect(cookie?.value).toBe(login.body.refresh_token);
    expect(cookie?.attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/auth']),
    );
    expect(cookie?.attributes).toContain(`Max-Age=${login.body.refresh_expires_in}`);
    // Plain http to 127.0.0.1 outside production: Secure is relaxed so a dev browser keeps it.
    expect(cookie?.attributes).not.toContain('Secure');
  });

  it('should leave refresh_token out of the body for the console, which gets the cookie only', async () => {
    const login = await signIn(CONSOLE);
    expect(login.status).toBe(200);
    expect(login.body.refresh_token).toBeUndefined();
    expect(login.body.access_token).toEqual(expect.any(String));
    expect(cookieOf(login)).toMatch(/^[\w-]{43}$/);
  });

  it('should rotate from the cookie with the console header, and set the next token', async () => {
    const login = await signIn(CONSOLE);
    const first = cookieOf(login);
    const refreshed = await http.post('/auth/refresh', undefined, {
      headers: { ...CONSOLE, ...cookieHeader(first) },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();
    const second = cookieOf(refreshed);
    expect(second).not.toBe(first);
    expect(await me(refreshed.body.access_token)).toBe(200);
    // The spent cookie again: reuse, so the whole session ends (RFC 9700).
    const reuse = await http.post('/auth/refresh', undefined, {
      headers: { ...CONSOLE, ...cookieHeader(first) },
    });
    expectProblem(reuse, 401);
    expect(await me(refreshed.body.access_token)).toBe(401);
  });

  it('should refuse the cookie without the CSRF header (403), and spend nothing', async () => {
    const token = cookieOf(await signIn(CONSOLE));
    const without: Record<string, string>[] = [{}, { 'x-requested-with': 'XMLHttpRequest' }];
    for (const headers of without) {
      const refused = await http.post('/auth/refresh', undefined, {
        headers: { ...headers, ...cookieHeader(token) },
      });
      expectProblem(refused, 403);
      expect(refused.body.detail).toMatch(/X-Requested-With: tps-console/);
    }
    const allowed = await http.post('/auth/refresh', undefined, {
      headers: { ...CONSOLE, ...cookieHeader(token) },
    });
    expect(allowed.status).toBe(200);
  });

  it('should let a body token win over a cookie (API clients need no header)', async () => {
    const login = await signIn();
    const refreshed = await http.post(
      '/auth/refresh',
      { refresh_token: login.body.refresh_token },
      { headers: cookieHeader('a-stale-cookie-value') },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toEqual(expect.any(String));
    expect(cookieOf(refreshed)).toBe(refreshed.body.refresh_token);
  });

  it('should answer 401 when there is no refresh token at all', async () => {
    expectProblem(await http.post('/auth/refresh', {}), 401);
    expectProblem(await http.post('/auth/logout'), 401);
    expectProblem(
      await http.post('/auth/logout', undefined, { headers: { ...CONSOLE, ...cookieHeader('x') } }),
      401,
    );
  });

  it('should sign out from the cookie alone (expired access token), and clear it', async () => {
    const login = await signIn(CONSOLE);
    const token = cookieOf(login);
    expectProblem(
      await http.post('/auth/logout', undefined, { headers: cookieHeader(token) }),
      403,
    );
    const out = await http.post('/auth/logout', undefined, {
      headers: { ...CONSOLE, ...cookieHeader(token) },
    });
    expect(out.status).toBe(204);
    const cleared = refreshCookie(out);
    expect(cleared?.value).toBe('');
    expect(cleared?.attributes).toEqual(expect.arrayContaining(['Path=/auth', 'HttpOnly']));
    expect(cleared?.attributes.join(';')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await me(login.body.access_token)).toBe(401);
    const after = await http.post('/auth/refresh', undefined, {
      headers: { ...CONSOLE, ...cookieHeader(token) },
    });
    expectProblem(after, 401);
  });

  it('should sign out with the bearer token too, and then refuse the cookie', async () => {
    const login = await signIn(CONSOLE);
    const token = cookieOf(login);
    const out = await http.post('/auth/logout', undefined, {
      token: login.body.access_token,
      headers: { ...CONSOLE, ...cookieHeader(token) },
    });
    expect(out.status).toBe(204);
    expect(refreshCookie(out)?.value).toBe('');
    expectProblem(
      await http.post('/auth/refresh', undefined, {
        headers: { ...CONSOLE, ...cookieHeader(token) },
      }),
      401,
    );
  });

  it('should sign out from the cookie when the bearer token has expired, and only then', async () => {
    const login = await signIn(CONSOLE);
    const token = cookieOf(login);
    const stale = { token: 'not.a.valid-token' };
    expectProblem(await http.post('/auth/logout', undefined, stale), 401);
    const out = await http.post('/auth/logout', undefined, {
      ...stale,
      headers: { ...CONSOLE, ...cookieHeader(token) },
    });
    expect(out.status).toBe(204);
    expect(await me(login.body.access_token)).toBe(401);
  });

  it('should mark the cookie Secure for any host but localhost', async () => {
    const username = `cookie.user${++counter}`;
    await http.post('/auth/register', { username, password: PASSWORD });
    const login = await rawRequest(testApp.baseUrl, 'POST', '/auth/login', {
      body: { username, password: PASSWORD },
      headers: { host: 'console.example.com' },
    });
    expect(login.status).toBe(200);
    const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    expect(setCookie.find((c) => c.startsWith('tps_refresh='))).toMatch(/; Secure/);
  });
});

describe('the refresh-token cookie in production', () => {
  it('should always be Secure, even on http://localhost', async () => {
    const testApp = await startTestApp({
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        METRICS_TOKEN: 'metrics-token-for-tests',
      },
    });
    try {
      const http = new Http(testApp.baseUrl);
      await http.post('/auth/register', { username: 'prod.user', password: PASSWORD });
      const login = await http.post('/auth/login', { username: 'prod.user', password: PASSWORD });
      expect(login.status).toBe(200);
      expect(refreshCookie(login)?.attributes).toContain('Secure');
    } finally {
      await testApp.close();
    }
  });
});
