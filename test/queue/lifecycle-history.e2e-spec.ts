import { DEFAULT_WEIGHTS } from '@app/priority';

import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { HOUR, startQueueApp, type QueueApp } from './queue-app';

const T0 = new Date('2026-07-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const TICKET = { issue_type: 'minor', impact: 5, customer_type: 'free', title: 'Typo on page' };

describe.each(databaseKinds())('ticket lifecycle and history on %s', (database) => {
  let q: QueueApp;
  let id: number;

  beforeAll(async () => {
    q = await startQueueApp(database);
  });
  afterAll(() => q.testApp.close());
  beforeEach(async () => {
    q.testApp.setNow(T0);
    await q.testApp.dataSource.query('DELETE FROM tickets');
    id = (await q.http.post('/tickets', TICKET, { token: q.tokens.reporter })).body.id;
  });

  const move = (status: string, token = q.tokens.agent, ticketId = id) =>
    q.http.request('PATCH', `/tickets/${ticketId}`, { status }, { token });
  const history = (token = q.tokens.agent) => q.http.get(`/tickets/${id}/events`, { token });

  it('should walk open → in_progress → resolved → closed → open, stamping each step', async () => {
    q.testApp.setNow(at(HOUR));
    expect((await move('in_progress')).body).toMatchObject({
      status: 'in_progress',
      resolved_at: null,
      closed_at: null,
      updated_at: at(HOUR).toISOString(),
    });
    q.testApp.setNow(at(2 * HOUR));
    expect((await move('resolved', q.tokens.admin)).body).toMatchObject({
      status: 'resolved',
      resolved_at: at(2 * HOUR).toISOString(),
      closed_at: null,
    });
    q.testApp.setNow(at(3 * HOUR));
    expect((await move('closed')).body).toMatchObject({
      status: 'closed',
      resolved_at: at(2 * HOUR).toISOString(),
      closed_at: at(3 * HOUR).toISOString(),
    });
    const reopened = await move('open');
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', resolved_at: null, closed_at: null });
    const stored = (await q.http.get(`/tickets/${id}`, { token: q.tokens.agent })).body;
    expect(stored).toEqual(reopened.body);
  });

  it('should let one agent start many tickets at once, each 200 (no deadlock on the agent)', async () => {
    const ids = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const created = await q.http.post(
          '/tickets',
          { ...TICKET, title: `parallel ${i}` },
          { token: q.tokens.reporter },
        );
        return created.body.id as number;
      }),
    );
    const started = await Promise.all(
      ids.map((ticketId) => move('in_progress', q.tokens.agent, ticketId)),
    );
    expect(started.map((res) => res.status)).toEqual(ids.map(() => 200));
    expect(started.every((res) => res.body.assignee?.username === 'queue.agent')).toBe(true);
  });

  it('should reopen a resolved ticket', async () => {
    await move('in_progress');
    await move('resolved');
    expect((await move('open')).body.status).toBe('open');
  });

  it.each([
    [[], 'resolved'],
    [[], 'closed'],
    [[], 'open'],
    [['in_progress'], 'closed'],
    [['in_progress'], 'open'],
    [['in_progress'], 'in_progress'],
    [['in_progress', 'resolved'], 'in_progress'],
    [['in_progress', 'resolved', 'closed'], 'resolved'],
  ])('after %j, should refuse a move to %s with 409 and change nothing', async (path, to) => {
    for (const step of path) expect((await move(step)).status).toBe(200);
    const before = (await q.http.get(`/tickets/${id}`, { token: q.tokens.agent })).body;
    const result = await move(to);
    expectProblem(result, 409);
    expect(result.body.detail).toMatch(/can move to/);
    expect((await q.http.get(`/tickets/${id}`, { token: q.tokens.agent })).body).toEqual(before);
  });

  it('should forbid status changes to reporters, even on their own ticket', async () => {
    expectProblem(await move('in_progress', q.tokens.reporter), 403);
    expect((await q.http.get(`/tickets/${id}`, { token: q.tokens.agent })).body.status).toBe(
      'open',
    );
  });

  it.each([
    ['an unknown status', { status: 'done' }],
    ['no status', {}],
    ['another field', { status: 'in_progress', priority_score: 99 }],
  ])('should answer 400 to %s', async (_label, body) => {
    expectProblem(
      await q.http.request('PATCH', `/tickets/${id}`, body, { token: q.tokens.agent }),
      400,
    );
  });

  it('should answer 404 for a ticket that does not exist', async () => {
    expectProblem(await move('in_progress', q.tokens.agent, id + 1000), 404);
  });

  it('should record creation with its inputs and weights, then each status change with its actor', async () => {
    await move('in_progress');
    q.testApp.setNow(at(HOUR));
    await move('resolved', q.tokens.admin);
    const result = await history();
    expect(result.status).toBe(200);
    expect(result.body).toEqual([
      {
        id: expect.any(Number),
        type: 'created',
        at: T0.toISOString(),
        actor: 'queue.reporter',
        actor_id: expect.any(Number),
        data: {
          inputs: {
            issue_type: 'minor',
            impact: 5,
            customer_type: 'free',
            created_at: T0.toISOString(),
          },
          weights: JSON.parse(JSON.stringify(DEFAULT_WEIGHTS)),
          score: 3,
          level: 'P3',
        },
      },
      {
        id: expect.any(Number),
        type: 'status_changed',
        at: T0.toISOString(),
        actor: 'queue.agent',
        actor_id: expect.any(Number),
        data: { from: 'open', to: 'in_progress' },
      },
      {
        // Starting an unassigned ticket assigns it to whoever starts it.
        id: expect.any(Number),
        type: 'assigned',
        at: T0.toISOString(),
        actor: 'queue.agent',
        actor_id: expect.any(Number),
        data: { from: null, to: expect.any(Number) },
      },
      {
        id: expect.any(Number),
        type: 'status_changed',
        at: at(HOUR).toISOString(),
        actor: 'queue.admin',
        actor_id: expect.any(Number),
        data: { from: 'in_progress', to: 'resolved' },
      },
    ]);
  });

  it('should record nothing for a refused move', async () => {
    await move('closed');
    expect((await history()).body).toHaveLength(1);
  });

  it('should show the history to the reporter who owns the ticket, and hide it from others', async () => {
    expect((await history(q.tokens.reporter)).status).toBe(200);
    expectProblem(await history(q.tokens.other), 404);
    expectProblem(await q.http.get(`/tickets/${id + 1000}/events`, { token: q.tokens.agent }), 404);
    expectProblem(await q.http.get(`/tickets/${id}/events`), 401);
  });
});
