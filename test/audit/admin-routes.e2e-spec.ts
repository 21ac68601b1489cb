import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import type { TestApp } from '../helpers/test-app';
import { startSecureApp, type SecurityClient, type Session } from '../security/support';

/** Every administration route the document lists, so routes added later are checked too. */
async function adminRoutes(http: SecurityClient): Promise<{ method: string; path: string }[]> {
  const doc = (await http.get('/docs-json')).body as { paths: Record<string, object> };
  return Object.entries(doc.paths)
    .filter(
      ([path]) => path.startsWith('/admin/') || path === '/users' || path.startsWith('/users/'),
    )
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path })),
    );
}

describe.each(databaseKinds())('administration routes on %s', (database) => {
  let testApp: TestApp;
  let http: SecurityClient;
  let reporter: Session;
  let agent: Session;

  beforeAll(async () => {
    ({ testApp, http } = await startSecureApp(database));
    reporter = await http.register('rory');
    agent = await http.register('agnes');
    await testApp.dataSource.query("UPDATE users SET role = 'agent' WHERE id = ?", [agent.id]);
  }, 60_000);
  afterAll(() => testApp.close());

  it('should answer 403 to reporters and agents on every one, and change nothing', async () => {
    const routes = await adminRoutes(http);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'GET /admin/audit',
        'GET /admin/audit/verify',
        'GET /admin/organizations',
        'POST /admin/organizations',
        'PATCH /admin/organizations/{id}',
        'GET /users',
        'POST /users',
        'PATCH /users/{id}',
        'POST /users/{id}/invitation',
      ]),
    );
    const [before] = await testApp.dataSource.query('SELECT last_id FROM audit_head');
    for (const token of [reporter.access, agent.access]) {
      for (const { method, path } of routes) {
        const url = path.replace(/\{[^}]+\}/g, String(reporter.id));
        const body = method === 'GET' ? undefined : { username: 'x.y.z', role: 'admin', name: 'X' };
        const result = await http.request(method, url, body, { token });
        expect(`${method} ${path} ${result.status}`).toBe(`${method} ${path} 403`);
        expectProblem(result, 403);
      }
    }
    const [after] = await testApp.dataSource.query('SELECT last_id FROM audit_head');
    expect(Number(after.last_id)).toBe(Number(before.last_id));
  });
});
