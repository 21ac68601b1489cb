import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { HOUR, startQueueApp, type QueueApp } from '../queue/queue-app';

const T0 = new Date('2026-07-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const TICKET = { issue_type: 'major', impact: 50, customer_type: 'paid', title: 'Login loops' };

describe.each(databaseKinds())('comments on %s', (database) => {
  let q: QueueApp;
  let id: number;

  beforeAll(async () => {
    q = await startQueueApp(database);
  });
  afterAll(() => q.testApp.close());
  beforeEach(async () => {
    q.testApp.setNow(T0);
    id = (await q.http.post('/tickets', TICKET, { token: q.tokens.reporter })).body.id;
  });

  const comment = (body: unknown, token: string, ticketId = id) =>
    q.http.post(`/tickets/${ticketId}/comments`, body, { token });
  const list = (token: string, query = '') =>
    q.http.get(`/tickets/${id}/comments${query}`, { token });

  it('should answer 201 with the comment and its author', async () => {
    const created = await comment({ body: 'Looking into it' }, q.tokens.agent);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      ticket_id: id,
      author: { id: expect.any(Number), username: 'queue.agent', role: 'agent' },
      body: 'Looking into it',
      internal: false,
      created_at: T0.toISOString(),
    });
  });

  it('should hide internal notes from the reporter and show them to staff', async () => {
    await comment({ body: 'Public reply' }, q.tokens.agent);
    await comment({ body: 'Customer is on the old plan', internal: true }, q.tokens.agent);
    await comment({ body: 'Thanks!' }, q.tokens.reporter);
    const staff = await list(q.tokens.admin);
    expect(staff.body.comments.map((c: { body: string }) => c.body)).toEqual([
      'Public reply',
      'Customer is on the old plan',
      'Thanks!',
    ]);
    const reporter = await list(q.tokens.reporter);
    expect(reporter.body.comments.map((c: { body: string }) => c.body)).toEqual([
      'Public reply',
      'Thanks!',
    ]);
    expect(reporter.body.next_cursor).toBeNull();
  });

  it('should refuse internal notes from reporters and comments on tickets not theirs', async () => {
    const internal = await comment({ body: 'secret', internal: true }, q.tokens.reporter);
    expectProblem(internal, 400);
    expect(internal.body.errors[0].field).toBe('internal');
    expectProblem(await comment({ body: 'hi' }, q.tokens.other), 404);
    expectProblem(await list(q.tokens.other), 404);
    expectProblem(await comment({ body: 'hi' }, q.tokens.agent, 999_999), 404);
  });

  it.each([
    ['an empty body', { body: '' }],
    ['a body over 10,000 characters', { body: 'x'.repeat(10_001) }],
    ['a number as body', { body: 42 }],
    ['a string as internal', { body: 'ok', internal: 'yes' }],
    ['an unknown field', { body: 'ok', extra: 1 }],
  ])('should answer 400 to %s', async (_label, body) => {
    expectProblem(await comment(body, q.tokens.agent), 400);
  });

  it('should set first_response_at once, by the first public staff comment', async () => {
    const ticket = () => q.http.get(`/tickets/${id}`, { token: q.tokens.reporter });
    expect((await ticket()).body.first_response_at).toBeNull();
    await comment({ body: 'reporter adds detail' }, q.tokens.reporter);
    q.testApp.setNow(at(HOUR));
    await comment({ body: 'note', internal: true }, q.tokens.agent);
    expect((await ticket()).body.first_response_at).toBeNull();
    q.testApp.setNow(at(2 * HOUR));
    await comment({ body: 'first reply' }, q.tokens.agent);
    q.testApp.setNow(at(3 * HOUR));
    await comment({ body: 'second reply' }, q.tokens.admin);
    expect((await ticket()).body.first_response_at).toBe(at(2 * HOUR).toISOString());
  });

  it('should page with a cursor, oldest first, without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await comment({ body: `c${i}` }, q.tokens.agent);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await list(q.tokens.agent, query);
      expect(page.status).toBe(200);
      seen.push(...page.body.comments.map((c: { body: string }) => c.body));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expectProblem(await list(q.tokens.agent, '?cursor=bogus'), 400);
    expectProblem(await list(q.tokens.agent, '?limit=0'), 400);
  });

  it('should record commented events without the body, internal ones hidden from reporters', async () => {
    await comment({ body: 'public words' }, q.tokens.agent);
    await comment({ body: 'private words', internal: true }, q.tokens.agent);
    const staff = (await q.http.get(`/tickets/${id}/events`, { token: q.tokens.agent })).body;
    const commented = staff.filter((e: { type: string }) => e.type === 'commented');
    expect(commented.map((e: { data: unknown }) => e.data)).toEqual([
      { comment_id: expect.any(Number), internal: false },
      { comment_id: expect.any(Number), internal: true },
    ]);
    expect(JSON.stringify(staff)).not.toContain('words');
    const own = (await q.http.get(`/tickets/${id}/events`, { token: q.tokens.reporter })).body;
    expect(own.filter((e: { type: string }) => e.type === 'commented')).toHaveLength(1);
  });
});
