import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { Receiver, startWebhooksApp, tokenFor, type WebhooksApp } from './webhooks-app';

const EVENTS = ['ticket.created'];

describe.each(databaseKinds())('webhook admin API on %s', (database) => {
  let w: WebhooksApp;
  let receiver: Receiver;
  let admin: string;
  let agent: string;
  let reporter: string;
  let hookId: number;

  beforeAll(async () => {
    w = await startWebhooksApp(database);
    receiver = await new Receiver().start();
    admin = await tokenFor(w, 'admin.api', 'admin');
    agent = await tokenFor(w, 'admin.agent', 'agent');
    reporter = await tokenFor(w, 'admin.reporter', 'reporter');
    const created = await w.http.post(
      '/admin/webhooks',
      { url: receiver.url, events: EVENTS },
      { token: admin },
    );
    hookId = created.body.id;
  }, 60_000);
  afterAll(async () => {
    await receiver.stop();
    await w.testApp.close();
  });

  it('should create, list, change and delete a webhook', async () => {
    const created = await w.http.post(
      '/admin/webhooks',
      { url: receiver.url, events: ['sla.warning', 'sla.breached'], active: false },
      { token: admin },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: receiver.url,
      events: ['sla.warning', 'sla.breached'],
      active: false,
      failing_since: null,
    });
    const id = created.body.id;
    const patched = await w.http.request(
      'PATCH',
      `/admin/webhooks/${id}`,
      { active: true, events: ['ticket.level_raised'] },
      { token: admin },
    );
    expect(patched.body).toMatchObject({ id, active: true, events: ['ticket.level_raised'] });
    const listed = await w.http.get('/admin/webhooks', { token: admin });
    expect(listed.body.webhooks.map((h: { id: number }) => h.id)).toEqual([hookId, id]);
    expect(listed.body.webhooks[1]).toEqual(patched.body);

    const removed = await w.http.request('DELETE', `/admin/webhooks/${id}`, undefined, {
      token: admin,
    });
    expect(removed.status).toBe(204);
    expectProblem(
      await w.http.request('DELETE', `/admin/webhooks/${id}`, undefined, { token: admin }),
      404,
    );
    expectProblem(await w.http.get(`/admin/webhooks/${id}/deliveries`, { token: admin }), 404);
    const rotated = await w.http.post(
      `/admin/webhooks/${hookId}/rotate-secret`,
      {},
      { token: admin },
    );
    expect(rotated.status).toBe(200);

    // Every change is audited with who and what, never with the secret.
    const audit = await w.http.get('/admin/audit', { token: admin });
    const mine = (audit.body.entries as { action: string; target: string; actor: unknown }[])
      .filter((e) => e.target === `webhook:${id}` || e.target === `webhook:${hookId}`)
      .map((e) => [e.action, e.target]);
    expect(mine).toEqual(
      expect.arrayContaining([
        ['webhook.created', `webhook:${hookId}`],
        ['webhook.created', `webhook:${id}`],
        ['webhook.updated', `webhook:${id}`],
        ['webhook.deleted', `webhook:${id}`],
        ['webhook.secret_rotated', `webhook:${hookId}`],
      ]),
    );
    expect(audit.text).not.toContain('whsec_');
    expect(audit.text).not.toContain(rotated.body.secret);
  });

  it.each([
    ['no url', { events: EVENTS }],
    ['an ftp url', { url: 'ftp://example.com/', events: EVENTS }],
    ['a relative url', { url: '/hook', events: EVENTS }],
    ['credentials in the url', { url: 'https://u:p@example.com/', events: EVENTS }],
    ['a url too long', { url: `https://example.com/${'a'.repeat(2100)}`, events: EVENTS }],
    ['no events', { url: 'https://example.com/' }],
    ['empty events', { url: 'https://example.com/', events: [] }],
    ['an unknown event', { url: 'https://example.com/', events: ['ticket.deleted'] }],
    ['a history type', { url: 'https://example.com/', events: ['sla_breached'] }],
    ['repeated events', { url: 'https://example.com/', events: EVENTS.concat(EVENTS) }],
    ['active not boolean', { url: 'https://example.com/', events: EVENTS, active: 'yes' }],
    ['an unknown field', { url: 'https://example.com/', events: EVENTS, secret: 'whsec_x' }],
  ])('should answer 400 to a webhook with %s', async (_, body) => {
    expectProblem(await w.http.post('/admin/webhooks', body, { token: admin }), 400);
  });

  it('should answer 400 to bad changes, ids and cursors, and 404 to unknown ids', async () => {
    const patch = (path: string, body: unknown) =>
      w.http.request('PATCH', path, body, { token: admin });
    expectProblem(await patch(`/admin/webhooks/${hookId}`, {}), 400);
    expectProblem(await patch(`/admin/webhooks/${hookId}`, { events: [] }), 400);
    expectProblem(await patch(`/admin/webhooks/${hookId}`, { url: 'gopher://x/' }), 400);
    expectProblem(await patch('/admin/webhooks/abc', { active: true }), 400);
    expectProblem(await patch('/admin/webhooks/999999', { active: true }), 404);
    const list = (query: string) =>
      w.http.get(`/admin/webhooks/${hookId}/deliveries${query}`, { token: admin });
    expectProblem(await list('?cursor=not-a-cursor'), 400);
    expectProblem(await list(`?cursor=${Buffer.from('[-1]').toString('base64url')}`), 400);
    expectProblem(await list('?limit=0'), 400);
    expectProblem(await list('?limit=101'), 400);
    expectProblem(
      await w.http.post(`/admin/webhooks/${hookId}/deliveries/0/retry`, undefined, {
        token: admin,
      }),
      400,
    );
    expectProblem(
      await w.http.post(`/admin/webhooks/${hookId}/deliveries/999999/retry`, undefined, {
        token: admin,
      }),
      404,
    );
    expectProblem(
      await w.http.post('/admin/webhooks/999999/rotate-secret', undefined, { token: admin }),
      404,
    );
  });

  it('should refuse agents and reporters with 403 and strangers with 401 on every route', async () => {
    const routes: [string, string, unknown?][] = [
      ['POST', '/admin/webhooks', { url: receiver.url, events: EVENTS }],
      ['GET', '/admin/webhooks'],
      ['PATCH', `/admin/webhooks/${hookId}`, { active: false }],
      ['DELETE', `/admin/webhooks/${hookId}`],
      ['POST', `/admin/webhooks/${hookId}/rotate-secret`],
      ['GET', `/admin/webhooks/${hookId}/deliveries`],
      ['POST', `/admin/webhooks/${hookId}/deliveries/1/retry`],
    ];
    for (const [method, path, body] of routes) {
      for (const token of [agent, reporter]) {
        const answer = await w.http.request(method, path, body, { token });
        expectProblem(answer, 403);
        expect(answer.text).not.toMatch(/whsec_/);
      }
      expectProblem(await w.http.request(method, path, body), 401);
    }
    const [row] = await w.testApp.dataSource.query('SELECT COUNT(*) AS n FROM webhooks');
    expect(Number(row.n)).toBe(1);
  });
});

describe.each(databaseKinds())('webhook targets without private addresses on %s', (database) => {
  let w: WebhooksApp;
  let admin: string;

  beforeAll(async () => {
    w = await startWebhooksApp(database, { WEBHOOK_ALLOW_PRIVATE: 'false' });
    admin = await tokenFor(w, 'ssrf.admin', 'admin');
  }, 60_000);
  afterAll(() => w.testApp.close());

  it('should refuse a name that resolves to 127.0.0.1, and accept a public address', async () => {
    const local = await w.http.post(
      '/admin/webhooks',
      { url: 'http://localhost:8080/hook', events: EVENTS },
      { token: admin },
    );
    expectProblem(local, 400);
    expect(local.body.detail).toBe(
      'url: localhost resolves to a loopback, private, link-local or metadata address.',
    );
    const open = await w.http.post(
      '/admin/webhooks',
      { url: 'https://93.184.216.34/hook', events: EVENTS },
      { token: admin },
    );
    expect(open.status).toBe(201);
    await w.testApp.dataSource.query('DELETE FROM webhooks');
  });

  it.each([
    'http://127.0.0.1/hook',
    'http://127.1.2.3:9/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.0.0.8/',
    'http://172.16.5.4/',
    'http://192.168.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.100.100.200/',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
    'http://0.0.0.0/',
    'http://2130706433/',
    'http://0x7f.1/',
  ])('should refuse %s with a 400', async (url) => {
    const answer = await w.http.post('/admin/webhooks', { url, events: EVENTS }, { token: admin });
    expectProblem(answer, 400);
    expect(answer.body.detail).toMatch(/loopback, private, link-local or metadata|not resolve/);
  });

  it('should refuse a change of url to a private address', async () => {
    await w.testApp.dataSource.query(
      "INSERT INTO webhooks (url, events, active, secret, created_at, updated_at) VALUES ('https://example.com/', '[\"ticket.created\"]', 1, 'whsec_AAAA', '2026-12-01 00:00:00.000', '2026-12-01 00:00:00.000')",
    );
    const [{ id }] = await w.testApp.dataSource.query('SELECT id FROM webhooks');
    const answer = await w.http.request(
      'PATCH',
      `/admin/webhooks/${id}`,
      { url: 'http://localhost/' },
      { token: admin },
    );
    expectProblem(answer, 400);
    const [row] = await w.testApp.dataSource.query('SELECT url FROM webhooks');
    expect(row.url).toBe('https://example.com/');
  });
});
