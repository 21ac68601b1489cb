import { databaseKinds } from '../helpers/databases';
import { expectProblem } from '../helpers/http';
import { startQueueApp, type QueueApp } from '../queue/queue-app';

/**
 * A small history with known answers, read in Berlin across the spring-forward day (29 March
 * 2026 is 23 hours long there). Levels at creation: critical+enterprise+150 = 15 (P1),
 * major+paid+50 = 9 (P2), minor+free+5 = 3 (P3).
 */
const P1 = { issue_type: 'critical', impact: 150, customer_type: 'enterprise' } as const;
const P2 = { issue_type: 'major', impact: 50, customer_type: 'paid' } as const;
const P3 = { issue_type: 'minor', impact: 5, customer_type: 'free' } as const;
const IMPORTED_AT = new Date('2026-03-30T12:00:00.000Z');
const LATER = new Date('2026-03-31T06:30:00.000Z');

const HISTORY = [
  { ...P2, title: 'E before the range', created_at: '2026-03-27T12:00:00.000Z' },
  {
    ...P2,
    title: 'F',
    created_at: '2026-03-28T12:00:00.000Z',
    first_response_at: '2026-03-28T12:10:00.000Z',
    assignee: 'queue.agent',
  },
  {
    ...P3,
    title: 'D',
    created_at: '2026-03-28T08:00:00.000Z',
    resolved_at: '2026-03-30T08:00:00.000Z',
    closed_at: '2026-03-30T09:00:00.000Z',
    status: 'closed',
    assignee: 'queue.agent',
  },
  // 00:30 in Berlin on the 29th (still winter time), 23:30 on the 28th in UTC.
  { ...P2, title: 'A', created_at: '2026-03-28T23:30:00.000Z' },
  {
    ...P1,
    title: 'C',
    created_at: '2026-03-29T10:00:00.000Z',
    first_response_at: '2026-03-29T10:30:00.000Z',
    resolved_at: '2026-03-29T14:00:00.000Z',
    status: 'resolved',
    assignee: 'queue.agent',
  },
  // 00:30 in Berlin on the 30th (summer time), still the 29th in UTC.
  { ...P2, title: 'B', created_at: '2026-03-29T22:30:00.000Z' },
  { ...P2, title: 'G', created_at: '2026-03-30T06:00:00.000Z' },
];

const levels = (counts: Partial<Record<'P0' | 'P1' | 'P2' | 'P3', number>>) => ({
  P0: 0,
  P1: 0,
  P2: 0,
  P3: 0,
  ...counts,
});

describe.each(databaseKinds())('reports over an imported history on %s', (database) => {
  let q: QueueApp;

  beforeAll(async () => {
    q = await startQueueApp(database);
    q.testApp.setNow(IMPORTED_AT);
    const imported = await q.http.post(
      '/tickets/import',
      { tickets: HISTORY },
      { token: q.tokens.admin },
    );
    if (imported.status !== 201) throw new Error(`import: ${imported.text}`);
    // The next morning: B and G age into P1 (two escalations), and an agent overrides F.
    q.testApp.setNow(LATER);
    await q.rescore();
    const f = imported.body.tickets.find((t: { title: string }) => t.title === 'F');
    const override = await q.http.request(
      'PATCH',
      `/tickets/${f.id}`,
      { priority_override: { level: 'P0', reason: 'Customer escalated by phone' } },
      { token: q.tokens.agent },
    );
    if (override.status !== 200) throw new Error(`override: ${override.text}`);
  });
  afterAll(() => q.testApp.close());

  const summary = (query: string, token = q.tokens.agent) =>
    q.http.get(`/reports/summary?${query}`, { token });

  it('should bucket by local day in Berlin across the DST change', async () => {
    const result = await summary('from=2026-03-28&to=2026-03-31&tz=Europe/Berlin');
    expect(result.status).toBe(200);
    expect(result.body.buckets).toEqual([
      {
        start: '2026-03-28',
        created: levels({ P2: 1, P3: 1 }),
        resolved: levels({}),
        backlog: levels({ P2: 2, P3: 1 }),
        escalations: 0,
        overrides: 0,
        sla_breaches: { first_response: 0, resolution: 0 },
      },
      {
        start: '2026-03-29',
        created: levels({ P1: 1, P2: 1 }),
        resolved: levels({ P1: 1 }),
        backlog: levels({ P2: 3, P3: 1 }),
        escalations: 0,
        overrides: 0,
        sla_breaches: { first_response: 0, resolution: 0 },
      },
      {
        start: '2026-03-30',
        created: levels({ P2: 2 }),
        resolved: levels({ P3: 1 }),
        backlog: levels({ P2: 5 }),
        escalations: 0,
        overrides: 0,
        sla_breaches: { first_response: 0, resolution: 0 },
      },
      {
        start: '2026-03-31',
        created: levels({}),
        resolved: levels({}),
        backlog: levels({ P2: 5 }),
        escalations: 2,
        overrides: 1,
        sla_breaches: { first_response: 0, resolution: 0 },
      },
    ]);
  });

  it('should give exact totals: counts, nearest-rank median and p90, SLA met share', async () => {
    const { totals } = (await summary('from=2026-03-28&to=2026-03-31&tz=Europe/Berlin')).body;
    expect(totals.created).toEqual(levels({ P1: 1, P2: 4, P3: 1 }));
    expect(totals.resolved).toEqual(levels({ P1: 1, P3: 1 }));
    const none = { median: null, p90: null };
    expect(totals.first_response_minutes).toEqual({
      P0: none,
      P1: { median: 30, p90: 30 },
      P2: { median: 10, p90: 10 },
      P3: none,
    });
    expect(totals.resolution_minutes).toEqual({
      P0: none,
      P1: { median: 240, p90: 240 },
      P2: none,
      P3: { median: 2880, p90: 2880 },
    });
    expect(totals.sla_met_percent.first_response).toEqual({ P0: null, P1: 100, P2: 100, P3: null });
  });

  it('should move the midnight tickets to their UTC days when read in UTC, and cut weeks on Monday', async () => {
    const utc = (await summary('from=2026-03-28&to=2026-03-30&tz=UTC')).body.buckets;
    expect(utc.map((b: { created: object }) => b.created)).toEqual([
      levels({ P2: 2, P3: 1 }),
      levels({ P1: 1, P2: 1 }),
      levels({ P2: 1 }),
    ]);
    // 2026-03-28 is a Saturday: the first week is cut to Saturday and Sunday.
    const weeks = (await summary('from=2026-03-28&to=2026-04-05&bucket=week&tz=Europe/Berlin')).body
      .buckets;
    expect(weeks.map((b: { start: string }) => b.start)).toEqual(['2026-03-28', '2026-03-30']);
    expect(weeks[0].created).toEqual(levels({ P1: 1, P2: 2, P3: 1 }));
    expect(weeks[1].created).toEqual(levels({ P2: 2 }));
  });

  it('should report per agent over the range, and what they hold now', async () => {
    const result = await q.http.get('/reports/agents?from=2026-03-28&to=2026-03-31', {
      token: q.tokens.admin,
    });
    expect(result.status).toBe(200);
    const agent = result.body.agents.find(
      (row: { agent: { username: string } }) => row.agent.username === 'queue.agent',
    );
    expect(agent).toEqual({
      agent: { id: expect.any(Number), username: 'queue.agent', role: 'agent' },
      assigned: 3,
      resolved: 2,
      median_resolution_minutes: 240,
      first_responses: 2,
      resolution_sla_met_percent: 100,
      open_now: 1,
    });
  });

  it.each([
    ['from=2026-03-28', 400],
    ['from=2026-3-28&to=2026-03-30', 400],
    ['from=2026-03-30&to=2026-03-28', 400],
    ['from=2025-01-01&to=2026-03-28', 400],
    ['from=2026-03-28&to=2026-03-30&tz=Nowhere/City', 400],
    ['from=2026-03-28&to=2026-03-30&bucket=month', 400],
  ])('should refuse %s with %d', async (query, status) => {
    expectProblem(await summary(query), status);
  });

  it('should keep reports from reporters', async () => {
    expectProblem(await summary('from=2026-03-28&to=2026-03-30', q.tokens.reporter), 403);
    const agents = await q.http.get('/reports/agents?from=2026-03-28&to=2026-03-30', {
      token: q.tokens.reporter,
    });
    expectProblem(agents, 403);
  });
});
