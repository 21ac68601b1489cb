import type { AuthUser } from '../../apps/api/src/auth/auth-user';
import { TicketExportService } from '../../apps/api/src/reports/ticket-export.service';
import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { startQueueApp, type QueueApp } from '../queue/queue-app';
import { csvObjects } from './csv-parse';

const P1 = { issue_type: 'critical', impact: 150, customer_type: 'enterprise' } as const;
const P3 = { issue_type: 'minor', impact: 5, customer_type: 'free' } as const;
const NOW = new Date('2026-04-01T09:00:00.000Z');

/** Titles a spreadsheet would evaluate, or that need quoting. */
const NASTY = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\tTabbed',
  '\rCarriage',
  'Comma, "quotes" and\r\nnew line',
  'Ünïcødé ✓ 日本',
];

const HISTORY = [
  {
    ...P1,
    title: 'Resolved checkout',
    created_at: '2026-03-30T08:00:00.000Z',
    first_response_at: '2026-03-30T08:20:00.000Z',
    resolved_at: '2026-03-30T10:00:00.000Z',
    status: 'resolved',
    assignee: 'queue.agent',
  },
  {
    ...P1,
    title: 'Open checkout',
    created_at: '2026-03-31T08:00:00.000Z',
    assignee: 'queue.agent',
  },
  ...NASTY.map((title, i) => ({
    ...P3,
    title,
    created_at: `2026-03-31T1${i}:00:00.000Z`,
  })),
];

describe.each(databaseKinds())('GET /tickets/export.csv on %s', (database) => {
  let q: QueueApp;
  const csv = (query = '', token = q.tokens.agent) =>
    q.http.get(`/tickets/export.csv${query}`, { token });
  const ids = (text: string) => csvObjects(text).map((row) => Number(row.id));
  const queueIds = async (query: string) => {
    const page = await q.http.get(`/tickets?limit=100&sort=created_at&${query}`, {
      token: q.tokens.agent,
    });
    expect(page.status).toBe(200);
    return (page.body.tickets as { id: number }[]).map((t) => t.id).sort((a, b) => a - b);
  };

  beforeAll(async () => {
    q = await startQueueApp(database);
    q.testApp.setNow(NOW);
    const imported = await q.http.post(
      '/tickets/import',
      { tickets: HISTORY },
      { token: q.tokens.admin },
    );
    if (imported.status !== 201) throw new Error(`import: ${imported.text}`);
  }, 60_000);

  afterAll(() => q.testApp.close());

  it('should answer agents and admins with an attachment, and refuse reporters', async () => {
    for (const token of [q.tokens.agent, q.tokens.admin]) {
      const result = await csv('?status=all', token);
      expect(result.status).toBe(200);
      expect(result.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(result.headers.get('content-disposition')).toBe(
        'attachment; filename="tickets-2026-04-01.csv"',
      );
      expect(result.headers.get('cache-control')).toBe('no-store');
      // Streamed: no length known up front.
      expect(result.headers.get('content-length')).toBeNull();
      expect(result.headers.get('transfer-encoding')).toBe('chunked');
    }
    expectProblem(await csv('', q.tokens.reporter), 403);
    expectProblem(await q.http.get('/tickets/export.csv'), 401);
  });

  it('should write a header and one record per ticket with its facts, people and SLA', async () => {
    const rows = csvObjects((await csv('?status=all')).text);
    expect(rows).toHaveLength(HISTORY.length);
    expect(Object.keys(rows[0])).toEqual([
      'id',
      'title',
      'description',
      'issue_type',
      'impact',
      'customer_type',
      'organization',
      'level',
      'score',
      'priority_override_level',
      'status',
      'created_by',
      'assignee',
      'created_at',
      'updated_at',
      'first_response_at',
      'resolved_at',
      'closed_at',
      'sla_level',
      'first_response_due_at',
      'first_response_met_at',
      'first_response_breached',
      'resolution_due_at',
      'resolution_met_at',
      'resolution_breached',
    ]);
    const resolved = rows.find((row) => row.title === 'Resolved checkout')!;
    const api = await q.http.get(`/tickets/${resolved.id}`, { token: q.tokens.agent });
    expect(resolved).toMatchObject({
      issue_type: 'critical',
      impact: '150',
      customer_type: 'enterprise',
      organization: '',
      level: api.body.priority_level,
      score: String(api.body.priority_score),
      priority_override_level: '',
      status: 'resolved',
      created_by: 'queue.admin',
      assignee: 'queue.agent',
      created_at: '2026-03-30T08:00:00.000Z',
      first_response_at: '2026-03-30T08:20:00.000Z',
      resolved_at: '2026-03-30T10:00:00.000Z',
      closed_at: '',
      sla_level: api.body.sla.level,
      first_response_due_at: api.body.sla.first_response.due_at,
      first_response_met_at: '2026-03-30T08:20:00.000Z',
      first_response_breached: String(api.body.sla.first_response.breached),
      resolution_due_at: api.body.sla.resolution.due_at,
      resolution_met_at: '2026-03-30T10:00:00.000Z',
      resolution_breached: String(api.body.sla.resolution.breached),
    });
  });

  it("should prefix cells a spreadsheet would evaluate with ' and quote by RFC 4180", async () => {
    const text = (await csv('?status=all')).text;
    const titles = csvObjects(text).map((row) => row.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        `'=HYPERLINK("http://evil.example","click")`,
        "'+1+1",
        "'-2+3",
        "'@SUM(A1)",
        "'\tTabbed",
        "'\rCarriage",
        'Comma, "quotes" and\r\nnew line',
        'Ünïcødé ✓ 日本',
      ]),
    );
    expect(text).toContain('"Comma, ""quotes"" and\r\nnew line"');
    expect(Buffer.from(text, 'utf8').includes(Buffer.from('日本', 'utf8'))).toBe(true);
  });

  it.each([
    [''],
    ['status=all'],
    ['status=resolved'],
    ['status=open,resolved'],
    ['priority_level=P1&status=all'],
    ['issue_type=minor'],
    ['customer_type=enterprise&status=all'],
    ['assignee=none'],
    ['q=checkout&status=all'],
    ['sla=ok&status=all'],
  ])('should export exactly what GET /tickets lists for ?%s', async (query) => {
    const result = await csv(`?${query}`);
    expect(result.status).toBe(200);
    expect(ids(result.text)).toEqual(await queueIds(query));
  });

  it('should export the caller’s own with assignee=me', async () => {
    const mine = ids((await csv('?assignee=me&status=all')).text);
    expect(mine).toHaveLength(2);
    expect(mine).toEqual(await queueIds('assignee=me&status=all'));
  });

  it('should refuse a bad filter with a 400 naming it, never a 500', async () => {
    const result = await csv('?priority_level=P9');
    expectProblem(result, 400);
    expect(result.text).toContain('priority_level');
    expectProblem(await csv('?status=done'), 400);
  });

  it('should read each batch only when the previous one is taken (streaming)', async () => {
    const service = q.testApp.app.get(TicketExportService);
    const [agent] = await q.testApp.dataSource.query(
      `SELECT id FROM users WHERE username = 'queue.agent'`,
    );
    const viewer: AuthUser = {
      id: Number(agent.id),
      username: 'queue.agent',
      role: 'agent',
      sessionId: 's',
    };
    const chunks = service.chunks({ status: 'all' }, viewer, 3);
    const first = await chunks.next();
    expect(csvObjects(first.value as string)).toHaveLength(3);
    // Written after the export started: a buffered export could not contain it.
    const late = await q.http.post(
      '/tickets',
      { ...P3, title: 'Filed during the export' },
      { token: q.tokens.agent },
    );
    expect(late.status).toBe(201);
    let rest = '';
    let batches = 1;
    for await (const chunk of chunks) {
      rest += chunk;
      batches++;
    }
    const titles = csvObjects(`${first.value as string}${rest}`).map((row) => row.title);
    expect(titles).toContain('Filed during the export');
    expect(titles).toHaveLength(HISTORY.length + 1);
    expect(batches).toBe(
      Math.ceil((HISTORY.length + 1) / 3) + ((HISTORY.length + 1) % 3 === 0 ? 1 : 0),
    );
  });
});
