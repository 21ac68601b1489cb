import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';
import { Receiver, TICKET, startWebhooksApp, tokenFor, type WebhooksApp } from './webhooks-app';

const LEASE_MS = 60_000;

async function hookTo(w: WebhooksApp, admin: string, url: string): Promise<number> {
  const created = await w.http.post(
    '/admin/webhooks',
    { url, events: ['ticket.created'] },
    { token: admin },
  );
  expect(created.status).toBe(201);
  return created.body.id;
}

async function deliveryRows(w: WebhooksApp) {
  return w.testApp.dataSource.query<Record<string, unknown>[]>(
    'SELECT id, status, attempts, lease_token, response_excerpt, last_status_code ' +
      'FROM webhook_deliveries ORDER BY id',
  );
}

describe.each(databaseKinds())('webhook relay leases and send-time checks on %s', (database) => {
  let w: WebhooksApp;
  let receiver: Receiver;
  let admin: string;

  beforeAll(async () => {
    w = await startWebhooksApp(database, { WEBHOOK_ALLOW_PRIVATE: 'false' });
    receiver = await new Receiver().start();
    admin = await tokenFor(w, 'lease.admin', 'admin');
  }, 60_000);
  afterAll(async () => {
    await receiver.stop();
    await w.testApp.close();
  });
  beforeEach(async () => {
    w.testApp.setNow(undefined);
    receiver.received.length = 0;
    await w.testApp.dataSource.query('DELETE FROM webhook_deliveries');
    await w.testApp.dataSource.query('DELETE FROM webhooks');
  });

  /** A webhook whose address turned private after it was accepted (as DNS rebinding would). */
  const rebound = async (url: string) => {
    await w.testApp.dataSource.query(
      'INSERT INTO webhooks (url, events, active, secret, created_at, updated_at) ' +
        "VALUES (?, '[\"ticket.created\"]', 1, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', " +
        "'2026-12-01 00:00:00.000', '2026-12-01 00:00:00.000')",
      [url],
    );
  };

  it.each(['127.0.0.1', 'localhost'])(
    'should refuse at send time a target on %s when private targets are off',
    async (host) => {
      await rebound(receiver.url.replace('127.0.0.1', host));
      await w.http.post('/tickets', TICKET, { token: admin });
      expect(await w.relay()).toBe(1);
      expect(receiver.received).toHaveLength(0);
      const [row] = await deliveryRows(w);
      expect(row).toMatchObject({ status: 'pending', last_status_code: null });
      expect(row.response_excerpt).toMatch(
        new RegExp(`^refused: ${host} resolves to a loopback, private`),
      );
    },
  );

  it('should leave a delivery claimed by a dead relay until its lease ends, then retry it', async () => {
    await rebound(receiver.url);
    const t0 = new Date('2026-12-01T12:00:00.000Z');
    w.testApp.setNow(t0);
    await w.http.post('/tickets', TICKET, { token: admin });
    // A relay claimed it and died before it wrote the outcome: its lease stays behind.
    await w.testApp.dataSource.query(
      "UPDATE webhook_deliveries SET lease_token = 'dead-relay', attempts = 1, next_attempt_at = ?",
      [new Date(t0.getTime() + LEASE_MS).toISOString().replace('T', ' ').slice(0, 23)],
    );
    w.testApp.setNow(new Date(t0.getTime() + LEASE_MS - 1));
    expect(await w.relay()).toBe(0);
    w.testApp.setNow(new Date(t0.getTime() + LEASE_MS));
    expect(await w.relay()).toBe(1);
    const [row] = await deliveryRows(w);
    expect(row).toMatchObject({ attempts: 2, lease_token: null, status: 'pending' });
  });
});

const mysqlOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

mysqlOnly('webhook relays on two instances sharing one MariaDB database', () => {
  let database: TestDatabase;
  let apps: WebhooksApp[];
  let receiver: Receiver;
  let admin: string;
  let reporter: string;

  beforeAll(async () => {
    database = await createTestDatabase('mysql');
    const env = { WEBHOOK_BATCH_SIZE: '3', WEBHOOK_LEASE_MS: String(LEASE_MS) };
    apps = [await startWebhooksApp(database, env), await startWebhooksApp(database, env)];
    receiver = await new Receiver().start();
    admin = await tokenFor(apps[0], 'two.admin', 'admin');
    reporter = await tokenFor(apps[1], 'two.reporter', 'reporter');
  }, 60_000);
  afterAll(async () => {
    await receiver.stop();
    for (const app of apps) await app.testApp.stop();
    await database.drop();
  });

  it('should deliver each event exactly once by webhook-id while both relays run', async () => {
    await hookTo(apps[0], admin, receiver.url);
    const tickets = 30;
    for (let i = 0; i < tickets; i++) {
      const created = await apps[i % 2].http.post('/tickets', TICKET, { token: reporter });
      expect(created.status).toBe(201);
    }
    let sent = 0;
    for (let round = 0; round < 5; round++) {
      const passes = await Promise.all(apps.flatMap((app) => [app.relay(), app.relay()]));
      sent += passes.reduce((sum, n) => sum + n, 0);
    }
    expect(sent).toBe(tickets);
    expect(receiver.received).toHaveLength(tickets);
    expect(new Set(receiver.ids()).size).toBe(tickets);
    const rows = await deliveryRows(apps[1]);
    expect(rows.every((r) => r.status === 'delivered' && Number(r.attempts) === 1)).toBe(true);
  }, 60_000);

  it('should retry on the other instance a delivery whose relay died, within 2 minutes', async () => {
    await apps[0].testApp.dataSource.query('DELETE FROM webhook_deliveries');
    receiver.received.length = 0;
    const t0 = new Date('2026-12-01T12:00:00.000Z');
    for (const app of apps) app.testApp.setNow(t0);
    await apps[0].http.post('/tickets', TICKET, { token: reporter });
    // Instance 0 claims the delivery and dies before it answers: its lease stays behind.
    await apps[0].testApp.dataSource.query(
      "UPDATE webhook_deliveries SET lease_token = 'instance-0', attempts = 1, next_attempt_at = ?",
      [new Date(t0.getTime() + LEASE_MS)],
    );
    apps[1].testApp.setNow(new Date(t0.getTime() + LEASE_MS - 1));
    expect(await apps[1].relay()).toBe(0);
    apps[1].testApp.setNow(new Date(t0.getTime() + 2 * 60_000));
    expect(await apps[1].relay()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [row] = await deliveryRows(apps[1]);
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, lease_token: null });
  });
});
