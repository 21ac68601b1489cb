import { Webhook } from 'standardwebhooks';

import { WebhookOutbox } from '../../apps/api/src/webhooks/webhook-outbox';
import { databaseKinds } from '../helpers/databases';
import {
  HOUR,
  MINUTE,
  Receiver,
  TICKET,
  startWebhooksApp,
  tokenFor,
  type WebhooksApp,
} from './webhooks-app';

const ALL_EVENTS = ['ticket.created', 'ticket.updated', 'ticket.commented', 'sla.breached'];

describe.each(databaseKinds())('webhook deliveries on %s', (database) => {
  let w: WebhooksApp;
  let receiver: Receiver;
  let admin: string;
  let reporter: string;

  const createHook = async (events = ALL_EVENTS) => {
    const created = await w.http.post(
      '/admin/webhooks',
      { url: receiver.url, events },
      { token: admin },
    );
    expect(created.status).toBe(201);
    return created.body as { id: number; secret: string };
  };
  const deliveries = async (hookId: number) =>
    (await w.http.get(`/admin/webhooks/${hookId}/deliveries`, { token: admin })).body
      .deliveries as Record<string, any>[];

  beforeAll(async () => {
    w = await startWebhooksApp(database);
    receiver = await new Receiver().start();
    admin = await tokenFor(w, 'hooks.admin', 'admin');
    reporter = await tokenFor(w, 'hooks.reporter', 'reporter');
  }, 60_000);
  afterAll(async () => {
    await receiver.stop();
    await w.testApp.close();
  });
  beforeEach(async () => {
    w.testApp.setNow(undefined);
    receiver.received.length = 0;
    receiver.plan = [];
    receiver.fallback = 204;
    await w.testApp.dataSource.query('DELETE FROM webhook_deliveries');
    await w.testApp.dataSource.query('DELETE FROM webhooks');
  });

  it('should deliver a signed Standard Webhooks message that the library verifies', async () => {
    const hook = await createHook();
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const ticket = (await w.http.post('/tickets', TICKET, { token: reporter })).body;

    expect(await w.relay()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received;
    const history = await w.http.get(`/tickets/${ticket.id}/events`, { token: admin });
    expect(message.headers['webhook-id']).toBe(String(history.body[0].id));
    expect(message.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    const verified = new Webhook(hook.secret).verify(
      message.body,
      message.headers as Record<string, string>,
    );
    expect(verified).toMatchObject({
      type: 'ticket.created',
      timestamp: history.body[0].at,
      data: { ticket_id: ticket.id, event_id: history.body[0].id, event: 'created' },
    });
    // A tampered body, or another secret, does not verify.
    expect(() =>
      new Webhook(hook.secret).verify(
        message.body.replace('created', 'updated'),
        message.headers as Record<string, string>,
      ),
    ).toThrow();
    const [row] = await deliveries(hook.id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 204 });
    expect(row.next_attempt_at).toBeNull();
    expect(await w.relay()).toBe(0);
  });

  it('should deliver only the subscribed types, each mapped from its history entry', async () => {
    const hook = await createHook(['ticket.updated']);
    const ticket = (await w.http.post('/tickets', TICKET, { token: reporter })).body;
    const changed = await w.http.request(
      'PATCH',
      `/tickets/${ticket.id}`,
      { status: 'in_progress' },
      { token: admin },
    );
    expect(changed.status).toBe(200);
    await w.relay();
    const history = (await w.http.get(`/tickets/${ticket.id}/events`, { token: admin })).body;
    const updates = history.filter((e: { type: string }) => e.type !== 'created');
    expect(updates.map((e: { type: string }) => e.type)).toContain('status_changed');
    const bodies = receiver.received.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.type)).toEqual(updates.map(() => 'ticket.updated'));
    expect(bodies.map((b) => b.data.event)).toEqual(updates.map((e: { type: string }) => e.type));
    expect(bodies.find((b) => b.data.event === 'status_changed').data.details).toEqual({
      from: 'open',
      to: 'in_progress',
    });
    expect(receiver.ids()).toEqual(updates.map((e: { id: number }) => String(e.id)));
    expect(await deliveries(hook.id)).toHaveLength(updates.length);
  });

  it('should retry failures with growing, jittered delays under the same webhook-id', async () => {
    const t0 = new Date('2026-12-01T10:00:00.000Z');
    w.testApp.setNow(t0);
    const hook = await createHook();
    receiver.plan = [503, 500];
    await w.http.post('/tickets', TICKET, { token: reporter });

    expect(await w.relay()).toBe(1);
    let [row] = await deliveries(hook.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 503 });
    expect(Buffer.byteLength(row.response_excerpt)).toBeLessThanOrEqual(1024);
    expect(row.response_excerpt).toMatch(/^status 503/);
    const first = Date.parse(row.next_attempt_at) - t0.getTime();
    expect(first).toBeGreaterThanOrEqual(15_000);
    expect(first).toBeLessThanOrEqual(60_000);
    expect(await w.relay()).toBe(0); // not due yet

    w.testApp.setNow(new Date(row.next_attempt_at));
    expect(await w.relay()).toBe(1);
    [row] = await deliveries(hook.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2, last_status_code: 500 });
    const second = Date.parse(row.next_attempt_at) - Date.parse(row.last_attempt_at);
    expect(second).toBeGreaterThanOrEqual(30_000);
    expect(second).toBeLessThanOrEqual(60_000);

    w.testApp.setNow(new Date(row.next_attempt_at));
    expect(await w.relay()).toBe(1);
    [row] = await deliveries(hook.id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, last_status_code: 204 });
    expect(new Set(receiver.ids()).size).toBe(1);
    expect(receiver.received).toHaveLength(3);
    const hooks = (await w.http.get('/admin/webhooks', { token: admin })).body.webhooks;
    expect(hooks[0]).toMatchObject({ active: true, failing_since: null });
  });

  it('should give up after 24 h, mark the delivery failed and disable the webhook', async () => {
    const t0 = new Date('2026-12-02T10:00:00.000Z');
    w.testApp.setNow(t0);
    const hook = await createHook();
    receiver.fallback = 500;
    await w.http.post('/tickets', TICKET, { token: reporter });
    let row: Record<string, any> = {};
    for (let pass = 0; pass < 100; pass++) {
      await w.relay();
      [row] = await deliveries(hook.id);
      if (row.status !== 'pending') break;
      w.testApp.setNow(new Date(row.next_attempt_at));
    }
    expect(row.status).toBe('failed');
    expect(row.next_attempt_at).toBeNull();
    expect(Date.parse(row.last_attempt_at) - t0.getTime()).toBe(24 * HOUR);
    expect(receiver.received.length).toBe(row.attempts);
    const [listed] = (await w.http.get('/admin/webhooks', { token: admin })).body.webhooks;
    expect(listed).toMatchObject({ active: false, failing_since: t0.toISOString() });
    const audit = (await w.http.get('/admin/audit', { token: admin })).body.entries as {
      action: string;
      target: string;
      actor: unknown;
    }[];
    expect(audit.filter((e) => e.action === 'webhook.disabled')).toEqual([
      expect.objectContaining({ target: `webhook:${hook.id}`, actor: null }),
    ]);

    // Nothing goes to a disabled webhook; turned back on, its failure count starts again.
    await w.http.post('/tickets', TICKET, { token: reporter });
    const before = receiver.received.length;
    w.testApp.setNow(new Date(t0.getTime() + 25 * HOUR));
    expect(await w.relay()).toBe(0);
    expect(receiver.received.length).toBe(before);
    const on = await w.http.request(
      'PATCH',
      `/admin/webhooks/${hook.id}`,
      { active: true },
      { token: admin },
    );
    expect(on.body).toMatchObject({ active: true, failing_since: null });
    receiver.fallback = 200;
    await w.http.post('/tickets', TICKET, { token: reporter });
    expect(await w.relay()).toBe(1);
    expect(receiver.received.length).toBe(before + 1);
  }, 60_000);

  it('should retry a failed delivery on demand with a fresh window', async () => {
    const hook = await createHook();
    await w.testApp.dataSource.query("UPDATE webhooks SET url = 'http://127.0.0.1:1/closed'");
    await w.http.post('/tickets', TICKET, { token: reporter });
    await w.relay();
    let [row] = await deliveries(hook.id);
    expect(row).toMatchObject({ status: 'pending', last_status_code: null });
    expect(row.response_excerpt).toMatch(/connection error/);
    await w.testApp.dataSource.query('UPDATE webhooks SET url = ?', [receiver.url]);
    await w.testApp.dataSource.query("UPDATE webhook_deliveries SET status = 'failed'");
    const retried = await w.http.post(
      `/admin/webhooks/${hook.id}/deliveries/${row.id}/retry`,
      undefined,
      { token: admin },
    );
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: row.id, status: 'pending' });
    await w.relay();
    [row] = await deliveries(hook.id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('should deliver nothing for a change that rolled back', async () => {
    await createHook();
    const outbox = w.testApp.app.get(WebhookOutbox);
    const enqueue = outbox.enqueue.bind(outbox);
    const spy = jest.spyOn(outbox, 'enqueue').mockImplementationOnce(async (manager, events) => {
      // The delivery row is written, then the change fails before it commits.
      expect(await enqueue(manager, events)).toBe(1);
      throw new Error('the change failed after its events were recorded');
    });
    const failed = await w.http.post(
      '/tickets',
      { ...TICKET, title: 'rolled back' },
      {
        token: reporter,
      },
    );
    expect(failed.status).toBe(500);
    spy.mockRestore();
    const [tickets] = await w.testApp.dataSource.query(
      "SELECT COUNT(*) AS n FROM tickets WHERE title = 'rolled back'",
    );
    expect(Number(tickets.n)).toBe(0);
    const [rows] = await w.testApp.dataSource.query('SELECT COUNT(*) AS n FROM webhook_deliveries');
    expect(Number(rows.n)).toBe(0);
    expect(await w.relay()).toBe(0);
    expect(receiver.received).toHaveLength(0);

    // The same change, committed, is delivered.
    await w.http.post('/tickets', TICKET, { token: reporter });
    expect(await w.relay()).toBe(1);
    expect(receiver.received).toHaveLength(1);
  });

  it('should sign with the rotated secret only, and never show a secret again', async () => {
    const hook = await createHook();
    const rotated = await w.http.post(`/admin/webhooks/${hook.id}/rotate-secret`, undefined, {
      token: admin,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(hook.secret);
    await w.http.post('/tickets', TICKET, { token: reporter });
    await w.relay();
    const [message] = receiver.received;
    const headers = message.headers as Record<string, string>;
    expect(() => new Webhook(rotated.body.secret).verify(message.body, headers)).not.toThrow();
    expect(() => new Webhook(hook.secret).verify(message.body, headers)).toThrow();

    const listed = await w.http.get('/admin/webhooks', { token: admin });
    const deliveryPage = await w.http.get(`/admin/webhooks/${hook.id}/deliveries`, {
      token: admin,
    });
    const patched = await w.http.request(
      'PATCH',
      `/admin/webhooks/${hook.id}`,
      { events: ['sla.breached'] },
      { token: admin },
    );
    for (const answer of [listed, deliveryPage, patched]) {
      expect(answer.status).toBe(200);
      expect(answer.text).not.toMatch(/whsec_|secret/);
    }
  });

  it('should page deliveries newest first with a cursor', async () => {
    const hook = await createHook(['ticket.created']);
    for (let i = 0; i < 5; i++) await w.http.post('/tickets', TICKET, { token: reporter });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await w.http.get(`/admin/webhooks/${hook.id}/deliveries${query}`, {
        token: admin,
      });
      expect(page.status).toBe(200);
      expect(page.body.deliveries.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.deliveries.map((d: { id: number }) => d.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('should report deliveries, failures and the outbox lag in /metrics', async () => {
    const t0 = new Date(Date.now() + 10 * MINUTE);
    w.testApp.setNow(t0);
    await createHook();
    receiver.plan = [500];
    await w.http.post('/tickets', TICKET, { token: reporter });
    w.testApp.setNow(new Date(t0.getTime() + 90_000));
    const scrape = async () => (await w.http.get('/metrics')).text;
    const value = (text: string, series: string) =>
      Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
    const before = await scrape();
    expect(value(before, 'webhook_outbox_lag_seconds')).toBe(90);
    expect(value(before, 'webhook_outbox_pending')).toBe(1);
    await w.relay();
    const after = await scrape();
    const retries = 'webhook_attempts_total{outcome="retry"}';
    expect(value(after, retries) - value(before, retries)).toBe(1);
    expect(value(after, 'webhook_failures_total')).toBe(value(before, 'webhook_failures_total'));
  });
});
