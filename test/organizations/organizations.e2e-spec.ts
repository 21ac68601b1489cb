import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import type { TestApp } from '../helpers/test-app';
import { csvObjects } from '../reports/csv-parse';
import {
  ADMIN,
  expectNoLeak,
  startSecureApp,
  type SecurityClient,
  type Session,
} from '../security/support';

const FACTS = { issue_type: 'minor', impact: 3, title: 'Printer on fire' } as const;

describe.each(databaseKinds())('organisations and customer tiers on %s', (database) => {
  let testApp: TestApp;
  let http: SecurityClient;
  let admin: Session;
  let ann: Session;
  let ben: Session;
  let agent: Session;
  let acme: { id: number; name: string };

  beforeAll(async () => {
    ({ testApp, http } = await startSecureApp(database));
    admin = await http.login(ADMIN.username, ADMIN.password);
    ann = await http.register('ann');
    ben = await http.register('ben');
    agent = await http.register('agent.a');
    await http.patch(`/users/${agent.id}`, { role: 'agent' }, { token: admin.access });
  }, 60_000);
  afterAll(() => testApp.close());

  const adminToken = () => ({ token: admin.access });

  it('should create, list and change organisations, each change audited', async () => {
    const created = await http.post(
      '/admin/organizations',
      { name: '  Acme Corp ', customer_type: 'enterprise' },
      adminToken(),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Acme Corp', customer_type: 'enterprise' });
    acme = { id: created.body.id, name: 'Acme Corp' };
    const other = await http.post(
      '/admin/organizations',
      { name: 'Bolt', customer_type: 'free' },
      adminToken(),
    );
    expectProblem(
      await http.post(
        '/admin/organizations',
        { name: 'ACME corp', customer_type: 'free' },
        adminToken(),
      ),
      409,
    );
    expectProblem(
      await http.patch(
        `/admin/organizations/${other.body.id}`,
        { name: 'acme CORP' },
        adminToken(),
      ),
      409,
    );
    expectProblem(
      await http.post('/admin/organizations', { name: '', customer_type: 'x' }, adminToken()),
      400,
    );
    const renamed = await http.patch(
      `/admin/organizations/${other.body.id}`,
      { name: 'Bolt Ltd', customer_type: 'paid' },
      adminToken(),
    );
    expect(renamed.body).toMatchObject({ name: 'Bolt Ltd', customer_type: 'paid' });
    expectProblem(await http.patch('/admin/organizations/999', { name: 'X' }, adminToken()), 404);
    const list = await http.get('/admin/organizations', adminToken());
    expect(list.body.organizations.map((o: { name: string }) => o.name)).toEqual([
      'Acme Corp',
      'Bolt Ltd',
    ]);
    expect(list.body.total).toBe(2);
    const audit = await http.get('/admin/audit', adminToken());
    expect(audit.body.entries.slice(0, 3)).toMatchObject([
      {
        action: 'organization.updated',
        target: `organization:${other.body.id}`,
        before: { name: 'Bolt', customer_type: 'free' },
        after: { name: 'Bolt Ltd', customer_type: 'paid' },
      },
      { action: 'organization.created', after: { name: 'Bolt', customer_type: 'free' } },
      { action: 'organization.created', target: `organization:${acme.id}` },
    ]);
  });

  it('should refuse organisation routes to reporters and agents', async () => {
    for (const token of [ann.access, agent.access]) {
      expectProblem(await http.get('/admin/organizations', { token }), 403);
      expectProblem(
        await http.post('/admin/organizations', { name: 'Z', customer_type: 'free' }, { token }),
        403,
      );
      expectProblem(
        await http.patch(`/admin/organizations/${acme.id}`, { name: 'Z' }, { token }),
        403,
      );
      expectProblem(
        await http.patch(`/users/${ann.id}`, { organization_id: acme.id }, { token }),
        403,
      );
    }
  });

  it('should put reporters, and only reporters, in an organisation', async () => {
    const joined = await http.patch(`/users/${ann.id}`, { organization_id: acme.id }, adminToken());
    expect(joined.body).toMatchObject({ id: ann.id, organization: acme });
    expectProblem(
      await http.patch(`/users/${agent.id}`, { organization_id: acme.id }, adminToken()),
      409,
    );
    const unknown = await http.patch(`/users/${ben.id}`, { organization_id: 9999 }, adminToken());
    expectProblem(unknown, 400);
    expect(unknown.body.errors[0].field).toBe('organization_id');
    const users = await http.get('/users?limit=100', adminToken());
    const byName = (name: string) =>
      users.body.users.find((u: { username: string }) => u.username === name);
    expect(byName('ann').organization).toEqual(acme);
    expect(byName('ben').organization).toBeNull();
    const audit = await http.get('/admin/audit?limit=1', adminToken());
    expect(audit.body.entries[0]).toMatchObject({
      action: 'user.organization_changed',
      target: `user:${ann.id}`,
      before: { organization: null },
      after: { organization: acme },
    });
  });

  it("should give a reporter's tickets the organisation's tier, and refuse another", async () => {
    const omitted = await http.post('/tickets', FACTS, { token: ann.access });
    expect(omitted.status).toBe(201);
    expect(omitted.body).toMatchObject({ customer_type: 'enterprise', organization: acme });
    const same = await http.post(
      '/tickets',
      { ...FACTS, customer_type: 'enterprise' },
      { token: ann.access },
    );
    expect(same.status).toBe(201);
    const other = await http.post(
      '/tickets',
      { ...FACTS, customer_type: 'free' },
      { token: ann.access },
    );
    expectProblem(other, 400);
    expect(other.body.errors).toEqual([
      { field: 'customer_type', messages: [expect.stringContaining('enterprise')] },
    ]);
    expectNoLeak(other);
    const fetched = await http.get(`/tickets/${omitted.body.id}`, { token: ann.access });
    expect(fetched.body.organization).toEqual(acme);
  });

  it('should tell a reporter of an organisation its tier on /auth/me, and others none', async () => {
    const me = await http.get('/auth/me', { token: ann.access });
    expect(me.status).toBe(200);
    expect(me.body.organization).toEqual({ ...acme, customer_type: 'enterprise' });
    const staff = await http.get('/auth/me', { token: agent.access });
    expect(staff.body.organization).toBeNull();
  });

  it('should keep the old rule for reporters without one, and let staff choose any tier', async () => {
    expectProblem(await http.post('/tickets', FACTS, { token: ben.access }), 400);
    const free = await http.post(
      '/tickets',
      { ...FACTS, customer_type: 'free' },
      { token: ben.access },
    );
    expect(free.body).toMatchObject({ customer_type: 'free', organization: null });
    const staff = await http.post(
      '/tickets',
      { ...FACTS, customer_type: 'paid' },
      { token: agent.access },
    );
    expect(staff.body).toMatchObject({ customer_type: 'paid', organization: null });
  });

  it('should filter the queue and the export by organisation, with its name as a column', async () => {
    const token = agent.access;
    const listed = await http.get(`/tickets?organization_id=${acme.id}&limit=100`, { token });
    expect(listed.body.total).toBe(2);
    expect(
      listed.body.tickets.every(
        (t: { organization: unknown }) => JSON.stringify(t.organization) === JSON.stringify(acme),
      ),
    ).toBe(true);
    const all = await http.get('/tickets?limit=100', { token });
    expect(all.body.tickets.map((t: { organization: unknown }) => t.organization)).toContainEqual(
      acme,
    );
    expect(all.body.tickets.map((t: { organization: unknown }) => t.organization)).toContain(null);
    const csv = await http.get(`/tickets/export.csv?organization_id=${acme.id}`, { token });
    const rows = csvObjects(csv.text);
    expect(rows.map((r) => Number(r.id)).sort()).toEqual(
      listed.body.tickets.map((t: { id: number }) => t.id).sort(),
    );
    expect(rows.map((r) => r.organization)).toEqual(['Acme Corp', 'Acme Corp']);
    const everything = csvObjects((await http.get('/tickets/export.csv', { token })).text);
    expect(everything.filter((r) => r.organization === '')).toHaveLength(2);
    expectProblem(await http.get('/tickets?organization_id=abc', { token }), 400);
    expect((await http.get('/tickets?organization_id=9999', { token })).body.total).toBe(0);
  });

  it('should apply a new tier to new tickets only, and drop a promoted reporter from it', async () => {
    await http.patch(`/admin/organizations/${acme.id}`, { customer_type: 'paid' }, adminToken());
    const next = await http.post('/tickets', FACTS, { token: ann.access });
    expect(next.body.customer_type).toBe('paid');
    const listed = await http.get(`/tickets?organization_id=${acme.id}&limit=100`, {
      token: agent.access,
    });
    expect(
      listed.body.tickets.map((t: { customer_type: string }) => t.customer_type).sort(),
    ).toEqual(['enterprise', 'enterprise', 'paid']);
    const promoted = await http.patch(`/users/${ann.id}`, { role: 'agent' }, adminToken());
    expect(promoted.body.organization).toBeNull();
    const audit = await http.get('/admin/audit?limit=2', adminToken());
    expect(audit.body.entries.map((e: { action: string }) => e.action).sort()).toEqual([
      'user.organization_changed',
      'user.role_changed',
    ]);
    expect((await http.get('/admin/audit/verify', adminToken())).body.intact).toBe(true);
  });

  it("should file an imported ticket for its reporter's organisation, at the row's own tier", async () => {
    await http.patch(`/users/${ben.id}`, { organization_id: acme.id }, adminToken());
    const row = { ...FACTS, customer_type: 'free', created_at: '2026-01-05T09:00:00.000Z' };
    const imported = await http.post(
      '/tickets/import',
      {
        tickets: [
          { ...row, created_by: 'ben' },
          { ...row, created_by: 'agent.a' },
          { ...row, created_by: 'new.from.old.desk' },
          row,
        ],
      },
      adminToken(),
    );
    expect(imported.status).toBe(201);
    expect(
      imported.body.tickets.map((t: { organization: unknown; customer_type: string }) => [
        t.organization,
        t.customer_type,
      ]),
    ).toEqual([
      [acme, 'free'],
      [null, 'free'],
      [null, 'free'],
      [null, 'free'],
    ]);
    const fetched = await http.get(`/tickets/${imported.body.tickets[0].id}`, adminToken());
    expect(fetched.body.organization).toEqual(acme);
  });
});
