import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { countRows, HOUR, MINUTE, startQueueApp, type QueueApp } from './queue-app';

const NOW = new Date('2026-05-04T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
// major + paid + 50 users = 9 base points.
const row = (createdAt: string, overrides: Record<string, unknown> = {}) => ({
  issue_type: 'major',
  impact: 50,
  customer_type: 'paid',
  title: `opened ${createdAt}`,
  created_at: createdAt,
  ...overrides,
});

describe.each(databaseKinds())('aging through import on %s', (database) => {
  let q: QueueApp;

  beforeAll(async () => {
    q = await startQueueApp(database);
  });
  afterAll(() => q.testApp.close());
  beforeEach(async () => {
    q.testApp.setNow(NOW);
    await q.testApp.dataSource.query('DELETE FROM tickets');
  });

  const importRows = (body: unknown, token = q.tokens.admin) =>
    q.http.post('/tickets/import', body, { token });
  const queueIds = async () =>
    (await q.http.get('/tickets?limit=100', { token: q.tokens.agent })).body.tickets.map(
      (t: { id: number }) => t.id,
    );

  it('should give each age bucket its points and level, and order the queue by them', async () => {
    const ages = [30 * MINUTE, 5 * HOUR, 30 * HOUR, 80 * HOUR];
    const result = await importRows({ tickets: ages.map((age) => row(ago(age))) });
    expect(result.status).toBe(201);
    expect(result.body.imported).toBe(4);
    const [m30, h5, h30, h80] = result.body.tickets;
    const expected = [
      [m30, 0, 9, 'P2'],
      [h5, 1, 10, 'P2'],
      [h30, 2, 11, 'P1'],
      [h80, 3, 12, 'P1'],
    ] as const;
    for (const [ticket, agePoints, score, level] of expected) {
      const stored = (await q.http.get(`/tickets/${ticket.id}`, { token: q.tokens.agent })).body;
      expect(stored).toMatchObject({ priority_score: score, priority_level: level });
      expect(stored.breakdown.find((f: { factor: string }) => f.factor === 'age').points).toBe(
        agePoints,
      );
    }
    expect(await queueIds()).toEqual([h80.id, h30.id, h5.id, m30.id]);
  });

  it('should move an imported ticket up the queue as it ages', async () => {
    const [older] = (await importRows([row(ago(22 * HOUR))])).body.tickets; // 9 + 1 points
    const fresh = await q.http.post(
      '/tickets',
      { issue_type: 'major', impact: 50, customer_type: 'enterprise' }, // 11 points
      { token: q.tokens.reporter },
    );
    expect(await queueIds()).toEqual([fresh.body.id, older.id]);
    // 2 h 10 min on, the imported ticket is 24 h 10 min old (+2 = 11) while the fresh one is
    // still under 4 h (+0 = 11): equal scores, and the older ticket goes first.
    q.testApp.setNow(new Date(NOW.getTime() + 2 * HOUR + 10 * MINUTE));
    expect(await q.rescore()).toBe(1);
    expect(await queueIds()).toEqual([older.id, fresh.body.id]);
    const scores = (await q.http.get('/tickets', { token: q.tokens.agent })).body.tickets.map(
      (t: { priority_score: number; priority_level: string }) => [
        t.priority_score,
        t.priority_level,
      ],
    );
    expect(scores).toEqual([
      [11, 'P1'],
      [11, 'P1'],
    ]);
  });

  it('should accept an optional status and keep resolved tickets from aging', async () => {
    const result = await importRows([row(ago(2 * HOUR), { status: 'resolved' })]);
    expect(result.body.tickets[0]).toMatchObject({ status: 'resolved', priority_score: 9 });
    expect(result.body.tickets[0].resolved_at).toBe(NOW.toISOString());
    q.testApp.setNow(new Date(NOW.getTime() + 48 * HOUR));
    expect(await q.rescore()).toBe(0);
  });

  it('should record a created event with the inputs and weights for each imported ticket', async () => {
    const [ticket] = (await importRows([row(ago(7 * HOUR))])).body.tickets;
    const events = (await q.http.get(`/tickets/${ticket.id}/events`, { token: q.tokens.admin }))
      .body;
    expect(events).toEqual([
      expect.objectContaining({
        type: 'created',
        actor: 'queue.admin',
        at: NOW.toISOString(),
        data: expect.objectContaining({
          imported: true,
          score: 10,
          level: 'P2',
          inputs: expect.objectContaining({ created_at: ago(7 * HOUR), impact: 50 }),
          weights: expect.objectContaining({ levels: { P0: 16, P1: 11, P2: 6 } }),
        }),
      }),
    ]);
  });

  describe('validation', () => {
    it('should reject the whole batch when one row is invalid, naming the row', async () => {
      const rows = [row(ago(HOUR)), row(ago(HOUR), { impact: 0 }), row(ago(HOUR))];
      const result = await importRows({ tickets: rows });
      expectProblem(result, 400);
      expect(result.body.errors).toEqual([expect.objectContaining({ field: 'tickets.1.impact' })]);
      expect(await countRows(q.testApp, 'tickets')).toBe(0);
    });

    it('should reject a created_at in the future, naming the row, and write nothing', async () => {
      const future = new Date(NOW.getTime() + MINUTE).toISOString();
      const result = await importRows([row(ago(HOUR)), row(ago(HOUR)), row(future)]);
      expectProblem(result, 400);
      expect(result.body.errors).toEqual([
        expect.objectContaining({ field: 'tickets.2.created_at' }),
      ]);
      expect(await countRows(q.testApp, 'tickets')).toBe(0);
      expect(await countRows(q.testApp, 'ticket_events')).toBe(0);
    });

    it.each([
      ['an empty batch', { tickets: [] }],
      ['more than 1,000 tickets', { tickets: Array.from({ length: 1001 }, () => row(ago(HOUR))) }],
      ['a missing created_at', [{ issue_type: 'minor', impact: 1, customer_type: 'free' }]],
      ['a created_at that is not a date', [row('yesterday')]],
      ['an unknown status', [row(ago(HOUR), { status: 'pending' })]],
      ['an unknown field', [row(ago(HOUR), { priority_score: 99 })]],
      ['a body that is not a list', { tickets: 'all of them' }],
    ])('should answer 400 to %s', async (_label, body) => {
      expectProblem(await importRows(body), 400);
      expect(await countRows(q.testApp, 'tickets')).toBe(0);
    });

    it('should import exactly 1,000 tickets in one request', async () => {
      const result = await importRows(Array.from({ length: 1000 }, (_, i) => row(ago(i * MINUTE))));
      expect(result.status).toBe(201);
      expect(new Set(result.body.tickets.map((t: { id: number }) => t.id)).size).toBe(1000);
      expect(await countRows(q.testApp, 'tickets')).toBe(1000);
    }, 30_000); // a thousand inserts in one transaction, on a busy CI machine
  });

  it.each(['agent', 'reporter'] as const)('should forbid import to an %s', async (role) => {
    expectProblem(await importRows([row(ago(HOUR))], q.tokens[role]), 403);
    expect(await countRows(q.testApp, 'tickets')).toBe(0);
  });
});
