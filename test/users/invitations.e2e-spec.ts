import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import type { TestApp } from '../helpers/test-app';
import {
  ADMIN,
  expectNoLeak,
  PASSWORD,
  startSecureApp,
  type SecurityClient,
  type Session,
} from '../security/support';

const HOUR = 3_600_000;

describe.each(databaseKinds())('invitations and the user list on %s', (database) => {
  let testApp: TestApp;
  let http: SecurityClient;
  let admin: Session;
  let reporter: Session;
  let acmeId: number;

  beforeAll(async () => {
    ({ testApp, http } = await startSecureApp(database));
    admin = await http.login(ADMIN.username, ADMIN.password);
    reporter = await http.register('rita');
    const acme = await http.post(
      '/admin/organizations',
      { name: 'Acme', customer_type: 'enterprise' },
      { token: admin.access },
    );
    acmeId = acme.body.id;
  }, 60_000);
  afterAll(() => testApp.close());

  const invite = (body: object) => http.post('/users', body, { token: admin.access });

  it('should create the account with a token shown once and stored hashed, audited', async () => {
    const now = new Date('2026-05-04T10:00:00.000Z');
    testApp.setNow(now);
    const result = await invite({ username: 'Dana', role: 'agent' });
    testApp.setNow(undefined);
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      user: { username: 'dana', role: 'agent', disabled: false, organization: null },
      setup_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      setup_expires_at: new Date(now.getTime() + 72 * HOUR).toISOString(),
    });
    const rows = await testApp.dataSource.query('SELECT token_hash FROM user_setup_tokens');
    expect(JSON.stringify(rows)).not.toContain(result.body.setup_token);
    const audit = await http.get('/admin/audit?limit=1', { token: admin.access });
    expect(audit.body.entries[0]).toMatchObject({
      action: 'user.created',
      target: `user:${result.body.user.id}`,
      after: { username: 'dana', role: 'agent', organization: null },
    });
    expect(audit.text).not.toContain(result.body.setup_token);
    // No password yet: nothing signs in.
    expectProblem(await http.post('/auth/login', { username: 'dana', password: PASSWORD }), 401);
  });

  it('should set the password once with the token, then sign in', async () => {
    const { body } = await invite({ username: 'erin', role: 'reporter', organization_id: acmeId });
    expect(body.user.organization).toEqual({ id: acmeId, name: 'Acme' });
    const setup = await http.post('/auth/setup', { token: body.setup_token, password: PASSWORD });
    expect(setup.status).toBe(200);
    expect(setup.body).toMatchObject({ username: 'erin', role: 'reporter' });
    expectNoLeak(setup);
    const erin = await http.login('erin');
    const ticket = await http.post(
      '/tickets',
      { issue_type: 'minor', impact: 1 },
      { token: erin.access },
    );
    expect(ticket.body).toMatchObject({
      customer_type: 'enterprise',
      organization: { id: acmeId },
    });
    const again = await http.post('/auth/setup', {
      token: body.setup_token,
      password: 'another horse battery',
    });
    expectProblem(again, 401);
    await http.login('erin'); // the first password still holds
  });

  it('should refuse an expired token, a disabled account and a made-up token with 401', async () => {
    const now = Date.now();
    const late = await invite({ username: 'fay', role: 'reporter' });
    testApp.setNow(new Date(now + 72 * HOUR + 1_000));
    expectProblem(
      await http.post('/auth/setup', { token: late.body.setup_token, password: PASSWORD }),
      401,
    );
    testApp.setNow(new Date(now + 71 * HOUR));
    const gus = await invite({ username: 'gus', role: 'reporter' });
    await http.patch(`/users/${gus.body.user.id}`, { disabled: true }, { token: admin.access });
    expectProblem(
      await http.post('/auth/setup', { token: gus.body.setup_token, password: PASSWORD }),
      401,
    );
    expectProblem(
      await http.post('/auth/setup', { token: 'x'.repeat(43), password: PASSWORD }),
      401,
    );
    // Still in time for fay: the expiry, not the clock of issue, decided.
    expect(
      (await http.post('/auth/setup', { token: late.body.setup_token, password: PASSWORD })).status,
    ).toBe(200);
    testApp.setNow(undefined);
  });

  it('should re-invite an account, ending its earlier token', async () => {
    const first = await invite({ username: 'hal', role: 'agent' });
    const second = await http.post(`/users/${first.body.user.id}/invitation`, undefined, {
      token: admin.access,
    });
    expect(second.status).toBe(201);
    expectProblem(
      await http.post('/auth/setup', { token: first.body.setup_token, password: PASSWORD }),
      401,
    );
    expect(
      (await http.post('/auth/setup', { token: second.body.setup_token, password: PASSWORD }))
        .status,
    ).toBe(200);
    expectProblem(
      await http.post('/users/9999/invitation', undefined, { token: admin.access }),
      404,
    );
  });

  it('should refuse a taken name, an organisation for staff, and non-admins', async () => {
    expectProblem(await invite({ username: 'DANA', role: 'reporter' }), 409);
    expectProblem(await invite({ username: 'ivy', role: 'agent', organization_id: acmeId }), 409);
    expectProblem(await invite({ username: 'ivy', role: 'reporter', organization_id: 9999 }), 400);
    expectProblem(await invite({ username: 'ivy', role: 'boss' }), 400);
    const forbidden = await http.post(
      '/users',
      { username: 'ivy', role: 'admin' },
      { token: reporter.access },
    );
    expectProblem(forbidden, 403);
    expectProblem(
      await http.post(`/users/${reporter.id}/invitation`, undefined, { token: reporter.access }),
      403,
    );
  });

  it('should filter the user list by name, role and organisation', async () => {
    const names = async (query: string) =>
      (
        (await http.get(`/users?limit=100&${query}`, { token: admin.access })).body.users as {
          username: string;
        }[]
      ).map((u) => u.username);
    expect(await names('q=A')).toEqual(['root.admin', 'rita', 'dana', 'fay', 'hal']);
    expect(await names('role=agent')).toEqual(['dana', 'hal']);
    expect(await names(`organization_id=${acmeId}`)).toEqual(['erin']);
    expect(await names('q=e&role=reporter')).toEqual(['erin']);
    expect(await names('q=%25')).toEqual([]);
    expectProblem(await http.get('/users?role=boss', { token: admin.access }), 400);
  });
});
