import { randomBytes } from 'node:crypto';

import { StreamBus } from '../../apps/api/src/stream/stream-bus';
import { TicketEventsService } from '../../apps/api/src/ticket-events/ticket-events.service';
import { databaseKinds } from '../helpers/databases';
import { expectProblem, type HttpResult } from '../helpers/http';
import { startTestApp } from '../helpers/test-app';
import { HOUR, startQueueApp, type QueueApp } from '../queue/queue-app';
import { SseClient } from './sse-client';

const TICKET = { issue_type: 'major', impact: 50, customer_type: 'paid', title: 'Login loops' };
const NOW = new Date('2026-08-03T09:00:00.000Z');

const idOf = async (q: QueueApp, username: string): Promise<number> =>
  Number(
    (await q.testApp.dataSource.query('SELECT id FROM users WHERE username = ?', [username]))[0].id,
  );

const problemOf = (client: SseClient): HttpResult => ({
  status: client.status,
  headers: new Headers(client.headers as Record<string, string>),
  body: JSON.parse(client.body),
  text: client.body,
});

describe.each(databaseKinds())('GET /stream on %s', (database) => {
  let q: QueueApp;
  const clients: SseClient[] = [];
  const open = async (token: string, options: { lastEventId?: string; query?: string } = {}) => {
    const client = await SseClient.open(q.testApp.baseUrl, { token, ...options });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    q = await startQueueApp(database, { STREAM_HEARTBEAT_MS: '100' });
  });
  afterEach(() => {
    clients.splice(0).forEach((client) => client.close());
    q.testApp.setNow(undefined);
  });
  afterAll(() => q.testApp.close());

  it('should show staff every event and reporters only public events of their own tickets', async () => {
    const [admin, agent, reporter, other] = await Promise.all(
      [q.tokens.admin, q.tokens.agent, q.tokens.reporter, q.tokens.other].map((t) => open(t)),
    );
    expect(reporter.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(reporter.headers['x-request-id']).toBeDefined();
    const id = (await q.http.post('/tickets', TICKET, { token: q.tokens.reporter })).body.id;
    const agentId = await idOf(q, 'queue.agent');
    await q.http.request(
      'PATCH',
      `/tickets/${id}`,
      { assignee_id: agentId },
      { token: q.tokens.agent },
    );
    const comment = (body: unknown) =>
      q.http.post(`/tickets/${id}/comments`, body, { token: q.tokens.agent });
    await comment({ body: 'note to self', internal: true });
    await comment({ body: 'On it' });
    await q.http.request(
      'PATCH',
      `/tickets/${id}`,
      { status: 'in_progress' },
      { token: q.tokens.agent },
    );

    const staffSees = ['created', 'assigned', 'commented', 'commented', 'status_changed'];
    for (const staff of [admin, agent]) {
      await staff.until((c) => c.events.length >= staffSees.length);
      expect(staff.events.map((e) => e.data.event)).toEqual(staffSees);
    }
    await reporter.until((c) => c.events.some((e) => e.data.event === 'status_changed'));
    expect(reporter.events.map((e) => e.data.type)).toEqual([
      'ticket.created',
      'ticket.commented',
      'ticket.updated',
    ]);
    expect(reporter.events.map((e) => e.data.event)).toEqual([
      'created',
      'commented',
      'status_changed',
    ]);
    const first = reporter.events[0];
    expect(first.id).toBe(String(first.data.event_id));
    expect(first.data).toEqual({
      type: 'ticket.created',
      ticket_id: id,
      at: expect.any(String),
      event_id: expect.any(Number),
      event: 'created',
      details: expect.objectContaining({ level: expect.any(String) }),
    });
    expect(other.events).toEqual([]);
  });

  it('should replay what came after Last-Event-ID (header or query), up to 24 h back', async () => {
    q.testApp.setNow(new Date(NOW.getTime() - 25 * HOUR));
    const old = (await q.http.post('/tickets', TICKET, { token: q.tokens.reporter })).body.id;
    q.testApp.setNow(NOW);
    const mine = (await q.http.post('/tickets', TICKET, { token: q.tokens.reporter })).body.id;
    const theirs = (await q.http.post('/tickets', TICKET, { token: q.tokens.other })).body.id;
    await q.http.post(
      `/tickets/${mine}/comments`,
      { body: 'hidden', internal: true },
      { token: q.tokens.agent },
    );
    await q.http.request(
      'PATCH',
      `/tickets/${mine}`,
      { status: 'in_progress' },
      { token: q.tokens.agent },
    );
    const history = (await q.http.get(`/tickets/${mine}/events`, { token: q.tokens.agent })).body;
    const createdId = history[0].id as number;

    const byHeader = await open(q.tokens.reporter, { lastEventId: String(createdId - 1) });
    await byHeader.until((c) => c.events.length >= 2);
    expect(byHeader.events.map((e) => [e.data.ticket_id, e.data.event])).toEqual([
      [mine, 'created'],
      [mine, 'status_changed'],
    ]);
    const byQuery = await open(q.tokens.reporter, { query: `?last_event_id=${createdId}` });
    await byQuery.until((c) => c.events.length >= 1);
    expect(byQuery.events.map((e) => e.data.event)).toEqual(['status_changed']);

    const staff = await open(q.tokens.agent, { lastEventId: '0' });
    await staff.until((c) => c.events.some((e) => e.data.ticket_id === theirs));
    const tickets = new Set(staff.events.map((e) => e.data.ticket_id));
    expect(tickets.has(old)).toBe(false); // older than 24 h
    expect(staff.events.filter((e) => e.data.ticket_id === mine).map((e) => e.data.event)).toEqual([
      'created',
      'commented',
      'status_changed',
      'assigned',
    ]);
    // Live events follow the replay, once.
    await q.http.request(
      'PATCH',
      `/tickets/${mine}`,
      { status: 'resolved' },
      { token: q.tokens.agent },
    );
    await byHeader.until((c) => c.events.length >= 3);
    const ids = byHeader.events.map((e) => Number(e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should refuse a malformed Last-Event-ID with 400', async () => {
    for (const options of [{ lastEventId: 'abc' }, { query: '?last_event_id=1.5' }]) {
      const refused = await open(q.tokens.agent, options);
      expectProblem(problemOf(refused), 400);
    }
  });

  it('should send a comment line at every heartbeat', async () => {
    const client = await open(q.tokens.agent);
    const started = Date.now();
    await client.until((c) => c.comments.filter((text) => text === 'heartbeat').length >= 3, 2_000);
    // Three beats of 100 ms: not sooner (the interval is the configured one), nor much later.
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(client.comments[0]).toBe('connected');
  });

  it('should end the stream at the next heartbeat once the session is logged out', async () => {
    const token = await q.http.signUp(`leaver.${randomBytes(3).toString('hex')}`);
    const client = await open(token);
    expect((await q.http.post('/auth/logout', {}, { token })).status).toBe(204);
    await client.until((c) => c.ended, 2_000);
  });

  it('should allow 5 open streams per user and answer the 6th with 429', async () => {
    const five = await Promise.all(Array.from({ length: 5 }, () => open(q.tokens.other)));
    expect(five.map((c) => c.status)).toEqual([200, 200, 200, 200, 200]);
    const sixth = await open(q.tokens.other);
    expectProblem(problemOf(sixth), 429);
    expect(sixth.headers['retry-after']).toBeDefined();
    expect((await open(q.tokens.agent)).status).toBe(200); // per user
    five[0].close();
    await five[0].until((c) => c.ended);
    const deadline = Date.now() + 2_000;
    let again = await open(q.tokens.other);
    while (again.status === 429 && Date.now() < deadline) again = await open(q.tokens.other);
    expect(again.status).toBe(200);
  });

  it('should publish only after commit, and nothing for a rolled-back change', async () => {
    const id = (await q.http.post('/tickets', TICKET, { token: q.tokens.reporter })).body.id;
    const client = await open(q.tokens.agent);
    const events = q.testApp.app.get(TicketEventsService);
    const record = (status: string) => ({
      ticketId: id,
      type: 'status_changed' as const,
      actor: null,
      at: new Date(),
      data: { from: 'open' as const, to: status as 'resolved' },
    });
    let heardBeforeCommit = -1;
    await q.testApp.dataSource
      .transaction(async (manager) => {
        await events.record(manager, [record('closed')]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await q.testApp.dataSource.transaction(async (manager) => {
      await events.record(manager, [record('resolved')]);
      await new Promise((done) => setTimeout(done, 150));
      heardBeforeCommit = client.events.length;
    });
    await client.until((c) => c.events.length >= 1);
    expect(heardBeforeCommit).toBe(0);
    await new Promise((done) => setTimeout(done, 150));
    expect(client.events.map((e) => e.data.details.to)).toEqual(['resolved']);
  });
});

describe('GET /stream while the app stops', () => {
  it('should end open streams cleanly and refuse none of the shutdown', async () => {
    const q = await startQueueApp('sqlite');
    const client = await SseClient.open(q.testApp.baseUrl, { token: q.tokens.agent });
    const started = Date.now();
    await q.testApp.close();
    await client.until((c) => c.ended, 2_000);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;

(redisUrl ? describe.each(databaseKinds()) : describe.skip.each(databaseKinds()))(
  'GET /stream across two instances through Redis on %s',
  (database) => {
    it('should deliver an event caused on one instance to a stream on the other, and share the limit', async () => {
      const env = {
        REDIS_URL: redisUrl ?? '',
        REDIS_KEY_PREFIX: `test:${randomBytes(6).toString('hex')}:`,
      };
      const first = await startQueueApp(database, env);
      const second = await startTestApp({
        database: first.testApp.database,
        env: { ...env, DB_MIGRATIONS_RUN: 'false', AGING_INTERVAL_MS: '0' },
      });
      const clients: SseClient[] = [];
      try {
        await Promise.all(
          [first.testApp, second].map((app) => app.app.get(StreamBus).ready(3_000)),
        );
        const onSecond = await SseClient.open(second.baseUrl, { token: first.tokens.agent });
        clients.push(onSecond);
        const id = (await first.http.post('/tickets', TICKET, { token: first.tokens.reporter }))
          .body.id;
        await onSecond.waitFor('ticket.created', id, 1, 1_000);

        for (let i = 0; i < 4; i++) {
          clients.push(await SseClient.open(first.testApp.baseUrl, { token: first.tokens.agent }));
        }
        const sixth = await SseClient.open(first.testApp.baseUrl, { token: first.tokens.agent });
        clients.push(sixth);
        expect(sixth.status).toBe(429);
      } finally {
        clients.forEach((client) => client.close());
        await second.stop();
        await first.testApp.close();
      }
    });
  },
);
