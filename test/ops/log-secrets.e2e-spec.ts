import { databaseKinds, createTestDatabase, type TestDatabase } from '../helpers/databases';
import { Http } from '../helpers/http';
import { ensureBuilt, spawnBuiltApp, type BuiltApp } from './helpers/built-app';

const PASSWORD = 'first-Pass-9f2c';
const NEW_PASSWORD = 'second-Pass-77d1';
const WRONG_PASSWORD = 'wrong-Pass-3e0a';
const ADMIN_PASSWORD = 'admin-Pass-5b8e';
const METRICS_TOKEN = 'metrics-token-0d6a41c2e8';
const CLIENT_REQUEST_ID = 'client-chosen-id-42';
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

interface Secrets {
  values: string[];
}

/** Everything a client does with credentials, through every route that sees one. */
async function runSession(http: Http, secrets: Secrets): Promise<void> {
  secrets.values.push(PASSWORD, NEW_PASSWORD, WRONG_PASSWORD, ADMIN_PASSWORD, METRICS_TOKEN);
  expect(
    (await http.post('/auth/register', { username: 'log.alice', password: PASSWORD })).status,
  ).toBe(201);
  expect(
    (await http.post('/auth/login', { username: 'log.alice', password: WRONG_PASSWORD })).status,
  ).toBe(401);
  const login = await http.post('/auth/login', { username: 'log.alice', password: PASSWORD });
  expect(login.status).toBe(200);
  const refreshed = await http.post('/auth/refresh', { refresh_token: login.body.refresh_token });
  expect(refreshed.status).toBe(200);
  const token: string = refreshed.body.access_token;
  secrets.values.push(
    login.body.access_token,
    login.body.refresh_token,
    token,
    refreshed.body.refresh_token,
  );

  // A token in the query string (some clients do it): refused, and never logged either.
  const query = `access_token=${token}&refresh_token=${refreshed.body.refresh_token}&password=${PASSWORD}`;
  expect((await http.get(`/auth/me?${query}`)).status).toBe(401);
  // 400 while unknown query parameters are refused, 200 where they are ignored: logged alike.
  expect([200, 400]).toContain((await http.get(`/tickets?${query}`, { token })).status);
  const me = await http.get('/auth/me', { token, headers: { 'x-request-id': CLIENT_REQUEST_ID } });
  expect(me.status).toBe(200);
  const change = await http.post(
    '/auth/password',
    { current_password: PASSWORD, new_password: NEW_PASSWORD },
    { token },
  );
  expect(change.status).toBe(204);
  const admin = await http.post('/auth/login', { username: 'log.admin', password: ADMIN_PASSWORD });
  expect(admin.status).toBe(200);
  secrets.values.push(admin.body.access_token, admin.body.refresh_token);
  expect((await http.get('/users', { token: admin.body.access_token })).status).toBe(200);
  const metrics = await http.get('/metrics', {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(metrics.status).toBe(200);
}

describe.each(databaseKinds())(
  'no credential in the logs of a full session (%s, built app)',
  (kind) => {
    let database: TestDatabase;
    let app: BuiltApp;
    const secrets: Secrets = { values: [] };

    beforeAll(async () => {
      await ensureBuilt();
      database = await createTestDatabase(kind);
      app = await spawnBuiltApp({
        NODE_ENV: 'production',
        LOG_LEVEL: 'trace',
        JWT_SECRET: 'a-production-secret-that-is-long-enough-1234',
        BCRYPT_COST: '4',
        METRICS_TOKEN,
        ADMIN_USERNAME: 'log.admin',
        ADMIN_PASSWORD,
        ...database.env,
      });
      await app.waitUntilReady();
      await runSession(new Http(app.baseUrl), secrets);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the last lines reach the pipe
      app.kill();
      await app.exited;
    }, 180_000);

    afterAll(async () => {
      app?.kill();
      await database?.drop();
    });

    it('should log every request (the scan below reads real access-log lines)', () => {
      const paths = app
        .stdout()
        .split('\n')
        .filter((line) => line.includes('"request completed"'))
        .map((line) => (JSON.parse(line) as { req: { url: string } }).req.url);
      expect(paths).toEqual(
        expect.arrayContaining(['/auth/login', '/auth/refresh', '/auth/me', '/auth/password']),
      );
    });

    it('should never write a password, token, refresh token or query string to the log', () => {
      const log = app.stdout() + app.stderr();
      for (const secret of secrets.values) expect(log).not.toContain(secret);
      expect(log).not.toMatch(JWT);
      expect(log).not.toMatch(/access_token=|refresh_token=|password=/);
    });

    it('should log our request id, and the client-chosen one in its own field', () => {
      const line = app
        .stdout()
        .split('\n')
        .find((entry) => entry.includes(CLIENT_REQUEST_ID));
      const parsed = JSON.parse(line!) as { req: { id: string }; client_request_id: string };
      expect(parsed.client_request_id).toBe(CLIENT_REQUEST_ID);
      expect(parsed.req.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    });
  },
);
