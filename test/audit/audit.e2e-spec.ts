import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import type { TestApp } from '../helpers/test-app';
import {
  ADMIN,
  expectNoLeak,
  startSecureApp,
  type SecurityClient,
  type Session,
} from '../security/support';

interface Entry {
  id: number;
  action: string;
  target: string;
  actor: { id: number; username: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

async function allEntries(http: SecurityClient, token: string, limit = 2): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=${limit}&cursor=${cursor}` : `?limit=${limit}`;
    const page = await http.get(`/admin/audit${query}`, { token });
    expect(page.status).toBe(200);
    entries.push(...(page.body.entries as Entry[]));
    cursor = page.body.next_cursor as string | null;
  } while (cursor);
  return entries;
}

describe.each(databaseKinds())('audit trail on %s', (database) => {
  let testApp: TestApp;
  let http: SecurityClient;
  let admin: Session;
  let ann: Session;

  beforeAll(async () => {
    ({ testApp, http } = await startSecureApp(database));
    admin = await http.login(ADMIN.username, ADMIN.password);
    ann = await http.register('ann');
  }, 60_000);
  afterAll(() => testApp.close());

  it('should record role changes, disabling and enabling, newest first, without secrets', async () => {
    const token = admin.access;
    expect((await http.patch(`/users/${ann.id}`, { role: 'agent' }, { token })).status).toBe(200);
    await http.patch(`/users/${ann.id}`, { role: 'agent' }, { token }); // no change, no entry
    await http.patch(`/users/${ann.id}`, { disabled: true }, { token });
    await http.patch(`/users/${ann.id}`, { disabled: false, role: 'reporter' }, { token });
    const page = await http.get('/admin/audit', { token });
    expectNoLeak(page);
    const entries = await allEntries(http, token);
    expect(entries.map((e) => e.action)).toEqual([
      'user.enabled',
      'user.role_changed',
      'user.disabled',
      'user.role_changed',
    ]);
    expect(entries.map((e) => e.id)).toEqual([4, 3, 2, 1]);
    expect(entries[3]).toMatchObject({
      actor: { id: admin.id, username: ADMIN.username },
      target: `user:${ann.id}`,
      before: { username: 'ann', role: 'reporter' },
      after: { username: 'ann', role: 'agent' },
    });
    expect(JSON.stringify(entries)).not.toMatch(/password|token|hash|\$2[aby]\$/i);
  });

  it('should verify the chain as intact', async () => {
    const result = await http.get('/admin/audit/verify', { token: admin.access });
    expect(result.body).toEqual({ entries: 4, intact: true, first_bad_id: null });
  });

  it('should name the entry edited directly in the database, and the one after a removed one', async () => {
    const token = admin.access;
    const { dataSource } = testApp;
    const [row] = await dataSource.query('SELECT after_json FROM audit_entries WHERE id = 2');
    await dataSource.query('UPDATE audit_entries SET after_json = ? WHERE id = 2', [
      '{"username":"ann","disabled":false}',
    ]);
    expect((await http.get('/admin/audit/verify', { token })).body).toEqual({
      entries: 4,
      intact: false,
      first_bad_id: 2,
    });
    await dataSource.query('UPDATE audit_entries SET after_json = ? WHERE id = 2', [
      row.after_json,
    ]);
    expect((await http.get('/admin/audit/verify', { token })).body.intact).toBe(true);
    const saved = await dataSource.query('SELECT * FROM audit_entries WHERE id = 3');
    await dataSource.query('DELETE FROM audit_entries WHERE id = 3');
    expect((await http.get('/admin/audit/verify', { token })).body).toMatchObject({
      intact: false,
      first_bad_id: 4,
    });
    const columns = Object.keys(saved[0]);
    await dataSource.query(
      `INSERT INTO audit_entries (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      columns.map((c) => saved[0][c]),
    );
    expect((await http.get('/admin/audit/verify', { token })).body.intact).toBe(true);
    await dataSource.query('DELETE FROM audit_entries WHERE id = 4');
    expect((await http.get('/admin/audit/verify', { token })).body).toMatchObject({
      intact: false,
      first_bad_id: 4,
    });
  });

  it('should refuse both routes to reporters and agents, and a bad cursor', async () => {
    const ben = await http.register('ben');
    const cid = await http.register('cid');
    await testApp.dataSource.query("UPDATE users SET role = 'agent' WHERE id = ?", [cid.id]);
    for (const token of [ben.access, cid.access]) {
      expectProblem(await http.get('/admin/audit', { token }), 403);
      expectProblem(await http.get('/admin/audit/verify', { token }), 403);
    }
    expectProblem(await http.get('/admin/audit', {}), 401);
    expectProblem(await http.get('/admin/audit?cursor=abc', { token: admin.access }), 400);
  });
});

const mysqlOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

mysqlOnly('audit trail appended from two instances on one MySQL database', () => {
  let database: TestDatabase;
  const apps: { testApp: TestApp; http: SecurityClient }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('mysql');
    apps.push(await startSecureApp(database));
    apps.push(await startSecureApp(database));
  }, 60_000);
  afterAll(async () => {
    for (const { testApp } of apps) await testApp.stop();
    await database.drop();
  });

  it('should keep the chain intact and lose no entry when both append at once', async () => {
    const [one, two] = apps;
    const admins = [
      await one.http.login(ADMIN.username, ADMIN.password),
      await two.http.login(ADMIN.username, ADMIN.password),
    ];
    const users: Session[] = [];
    for (let i = 0; i < 12; i++) users.push(await one.http.register(`user${i}`));
    // Every user is promoted and demoted through alternating instances, all at once.
    const changes = users.flatMap((user, i) =>
      ['agent', 'admin', 'reporter'].map((role, step) => ({ user, role, app: (i + step) % 2 })),
    );
    const byUser = users.map((user) => changes.filter((c) => c.user === user));
    const results = await Promise.all(
      byUser.map(async (steps) => {
        const statuses: number[] = [];
        for (const { user, role, app } of steps) {
          const token = admins[app].access;
          statuses.push(
            (await apps[app].http.patch(`/users/${user.id}`, { role }, { token })).status,
          );
        }
        return statuses;
      }),
    );
    expect(results.flat()).toEqual(changes.map(() => 200));
    const verify = await two.http.get('/admin/audit/verify', { token: admins[1].access });
    expect(verify.body).toEqual({ entries: changes.length, intact: true, first_bad_id: null });
  }, 60_000);
});
