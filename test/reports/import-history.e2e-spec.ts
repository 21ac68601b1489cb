import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { countRows, startQueueApp, type QueueApp } from '../queue/queue-app';

const NOW = new Date('2026-06-10T12:00:00.000Z');
const base = { issue_type: 'major', impact: 50, customer_type: 'paid' } as const;

describe.each(databaseKinds())('import that keeps history on %s', (database) => {
  let q: QueueApp;

  beforeAll(async () => {
    q = await startQueueApp(database);
  });
  afterAll(() => q.testApp.close());
  beforeEach(() => q.testApp.setNow(NOW));

  const importRows = (tickets: unknown[]) =>
    q.http.post('/tickets/import', { tickets }, { token: q.tokens.admin });
  const history = async (id: number) =>
    (await q.http.get(`/tickets/${id}/events`, { token: q.tokens.admin })).body as {
      type: string;
      at?: string;
      created_at?: string;
      actor: string;
      data: Record<string, unknown>;
    }[];

  it('should keep creator, assignee and every instant, and write the history as it happened', async () => {
    const result = await importRows([
      {
        ...base,
        title: 'resolved in the old helpdesk',
        created_at: '2026-06-01T08:00:00.000Z',
        created_by: 'Old.Customer',
        assignee: 'queue.agent',
        first_response_at: '2026-06-01T08:20:00.000Z',
        resolved_at: '2026-06-01T12:00:00.000Z',
        closed_at: '2026-06-02T09:00:00.000Z',
        status: 'closed',
      },
    ]);
    expect(result.status).toBe(201);
    const [ticket] = result.body.tickets;
    expect(ticket).toMatchObject({
      status: 'closed',
      assignee: { username: 'queue.agent' },
      first_response_at: '2026-06-01T08:20:00.000Z',
      resolved_at: '2026-06-01T12:00:00.000Z',
      closed_at: '2026-06-02T09:00:00.000Z',
      created_at: '2026-06-01T08:00:00.000Z',
    });
    const stored = (await q.http.get(`/tickets/${ticket.id}`, { token: q.tokens.agent })).body;
    expect(stored).toMatchObject({
      assignee_id: ticket.assignee_id,
      resolved_at: ticket.resolved_at,
    });

    const events = await history(ticket.id);
    const at = (e: (typeof events)[number]) => e.at ?? e.created_at;
    expect(events.map((e) => [e.type, at(e)])).toEqual([
      ['created', '2026-06-01T08:00:00.000Z'],
      ['assigned', '2026-06-01T08:00:00.000Z'],
      ['status_changed', '2026-06-01T12:00:00.000Z'],
      ['status_changed', '2026-06-02T09:00:00.000Z'],
    ]);
    expect(events[0].actor).toBe('old.customer');
    expect(events[2].data).toEqual({ from: 'in_progress', to: 'resolved' });
  });

  it('should create an unknown creator as a reporter who cannot sign in', async () => {
    const result = await importRows([
      { ...base, created_at: '2026-06-05T08:00:00.000Z', created_by: 'ghost.reporter' },
    ]);
    expect(result.status).toBe(201);
    const [user] = await q.testApp.dataSource.query(
      `SELECT role FROM users WHERE username = 'ghost.reporter'`,
    );
    expect(user.role).toBe('reporter');
    for (const password of ['', 'correct horse battery', '!imported-without-password']) {
      const login = await q.http.post('/auth/login', { username: 'ghost.reporter', password });
      expect([400, 401]).toContain(login.status);
    }
    // The same name again is the same account, not a second one.
    await importRows([
      { ...base, created_at: '2026-06-05T09:00:00.000Z', created_by: 'ghost.reporter' },
    ]);
    const [row] = await q.testApp.dataSource.query(
      `SELECT COUNT(*) AS n FROM users WHERE username = 'ghost.reporter'`,
    );
    expect(Number(row.n)).toBe(1);
  });

  it.each([
    [{ status: 'open', resolved_at: '2026-06-02T00:00:00.000Z' }, 'resolved_at'],
    [{ status: 'resolved', closed_at: '2026-06-02T00:00:00.000Z' }, 'closed_at'],
    [{ status: 'resolved', resolved_at: '2026-05-31T00:00:00.000Z' }, 'resolved_at'],
    [{ first_response_at: '2026-05-31T23:59:59.000Z' }, 'first_response_at'],
    [{ status: 'resolved', resolved_at: '2026-06-11T00:00:00.000Z' }, 'resolved_at'],
    [
      {
        status: 'closed',
        resolved_at: '2026-06-03T00:00:00.000Z',
        closed_at: '2026-06-02T00:00:00.000Z',
      },
      'closed_at',
    ],
    [{ assignee: 'queue.reporter' }, 'assignee'],
    [{ assignee: 'nobody.here' }, 'assignee'],
    [{ created_by: 'no spaces allowed' }, 'created_by'],
  ])('should refuse the whole batch for %j (%s)', async (fields, field) => {
    const tickets = await countRows(q.testApp, 'tickets');
    const users = await countRows(q.testApp, 'users');
    const result = await importRows([
      { ...base, created_at: '2026-06-01T00:00:00.000Z', created_by: 'fine.creator' },
      { ...base, created_at: '2026-06-01T00:00:00.000Z', ...fields },
    ]);
    expectProblem(result, 400);
    expect(result.body.errors.map((e: { field: string }) => e.field)).toContain(
      `tickets.1.${field}`,
    );
    expect(await countRows(q.testApp, 'tickets')).toBe(tickets);
    expect(await countRows(q.testApp, 'users')).toBe(users);
  });
});
