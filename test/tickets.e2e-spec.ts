import { databaseKinds } from './helpers/databases';
import { expectProblem, Http } from './helpers/http';
import { startTestApp, type TestApp } from './helpers/test-app';

const HOUR = 3_600_000;
const T0 = new Date('2026-03-01T09:00:00.123Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

const ticket = (overrides: Record<string, unknown> = {}) => ({
  issue_type: 'major',
  impact: 50,
  customer_type: 'paid',
  title: 'Search is slow',
  ...overrides,
});

describe.each(databaseKinds())('tickets on %s', (database) => {
  let testApp: TestApp;
  let http: Http;
  let token: string;

  beforeAll(async () => {
    testApp = await startTestApp({ database });
    http = new Http(testApp.baseUrl);
    token = await http.signUp('agent.smith');
  });

  afterAll(() => testApp.close());

  beforeEach(async () => {
    testApp.setNow(T0);
    await testApp.dataSource.query('DELETE FROM tickets');
  });

  const create = (body: object) => http.post('/tickets', body, { token });

  describe('POST /tickets', () => {
    it('should store the ticket and answer with its score, level and breakdown at once', async () => {
      const result = await create(
        ticket({
          issue_type: 'critical',
          impact: 150,
          customer_type: 'enterprise',
          description: 'All EU users',
        }),
      );
      expect(result.status).toBe(201);
      expect(result.body).toEqual({
        id: expect.any(Number),
        issue_type: 'critical',
        impact: 150,
        customer_type: 'enterprise',
        title: 'Search is slow',
        description: 'All EU users',
        status: 'open',
        priority_score: 15,
        priority_level: 'P1',
        score: 15,
        level: 'P1',
        breakdown: [
          { factor: 'issue_type', input: 'critical', points: 5 },
          { factor: 'customer_type', input: 'enterprise', points: 5 },
          { factor: 'impact', input: 150, points: 5 },
          { factor: 'age', input: 0, points: 0 },
        ],
        created_by: expect.any(Number),
        created_at: T0.toISOString(),
        updated_at: T0.toISOString(),
        resolved_at: null,
        closed_at: null,
        computed_level: 'P1',
        priority_override: null,
        assignee_id: null,
        assignee: null,
        organization: null,
        assigned_at: null,
        first_response_at: null,
        sla: {
          level: 'P1',
          paused: false,
          first_response: {
            target_minutes: 60,
            due_at: new Date(T0.getTime() + 3_600_000).toISOString(),
            met_at: null,
            breached: false,
            at_risk: false,
            remaining_minutes: 60,
          },
          resolution: {
            target_minutes: 480,
            due_at: new Date(T0.getTime() + 8 * 3_600_000).toISOString(),
            met_at: null,
            breached: false,
            at_risk: false,
            remaining_minutes: 480,
          },
        },
      });
      const stored = await http.get(`/tickets/${result.body.id}`, { token });
      const { score: _s, level: _l, ...withoutAliases } = result.body;
      expect(stored.body).toEqual(withoutAliases);
    });

    it('should accept a ticket without title or description', async () => {
      const result = await create({ issue_type: 'minor', impact: 1, customer_type: 'free' });
      expect(result.status).toBe(201);
      expect(result.body).toMatchObject({
        title: null,
        description: null,
        priority_score: 3,
        priority_level: 'P3',
      });
    });

    describe('the scoring table through the API', () => {
      const cases: [string, string, number, number][] = [];
      const issuePoints = { critical: 5, major: 3, minor: 1 };
      const customerPoints = { enterprise: 5, paid: 3, free: 1 };
      const impactPoints: [number, number][] = [
        [1, 1],
        [10, 1],
        [11, 3],
        [100, 3],
        [101, 5],
        [1_000_000_000, 5],
      ];
      for (const [issue, ip] of Object.entries(issuePoints)) {
        for (const [customer, cp] of Object.entries(customerPoints)) {
          for (const [impact, points] of impactPoints) {
            cases.push([issue, customer, impact, ip + cp + points]);
          }
        }
      }
      const levelOf = (score: number) =>
        score >= 16 ? 'P0' : score >= 11 ? 'P1' : score >= 6 ? 'P2' : 'P3';

      it.each(cases)(
        'should score %s / %s / %d users as %d',
        async (issue_type, customer_type, impact, score) => {
          const result = await create({ issue_type, customer_type, impact });
          expect(result.status).toBe(201);
          expect(result.body).toMatchObject({
            priority_score: score,
            priority_level: levelOf(score),
            score,
            level: levelOf(score),
          });
        },
      );
    });

    it.each<[string, object]>([
      ['an unknown issue type', ticket({ issue_type: 'blocker' })],
      ['an unknown customer type', ticket({ customer_type: 'vip' })],
      ['a null customer type', ticket({ customer_type: null })],
      ['a null issue type', ticket({ issue_type: null })],
      ['impact 0', ticket({ impact: 0 })],
      ['a negative impact', ticket({ impact: -5 })],
      ['a fractional impact', ticket({ impact: 2.5 })],
      ['an impact over 10^9', ticket({ impact: 1_000_000_001 })],
      ['an impact as a string', ticket({ impact: '50' })],
      ['a title over 200 characters', ticket({ title: 'x'.repeat(201) })],
      ['a description over 10,000 characters', ticket({ description: 'x'.repeat(10_001) })],
      ['a title that is not a string', ticket({ title: 42 })],
      ['a client-chosen id', ticket({ id: 7 })],
      ['a client-chosen score', ticket({ priority_score: 99 })],
      ['a client-chosen level', ticket({ priority_level: 'P0' })],
      ['a client-chosen status', ticket({ status: 'closed' })],
      ['a client-chosen author', ticket({ created_by: 1 })],
      ['missing fields', {}],
    ])('should answer 400 for %s and store nothing', async (_label, body) => {
      const result = await create(body);
      expectProblem(result, 400);
      expect(result.body.errors).toEqual(
        expect.arrayContaining([
          { field: expect.any(String), messages: expect.arrayContaining([expect.any(String)]) },
        ]),
      );
      expect((await http.get('/tickets', { token })).body.total).toBe(0);
    });

    it.each<[string, string, number]>([
      ['malformed JSON', '{"issue_type": ', 400],
      ['a JSON array', '[1,2]', 400],
      ['JSON null', 'null', 400],
      ['a JSON string', '"ticket"', 400],
    ])('should answer %s with a problem and store nothing', async (_label, raw, status) => {
      const result = await http.post('/tickets', undefined, {
        token,
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(result, status);
      expect((await http.get('/tickets', { token })).body.total).toBe(0);
    });

    it('should answer 413 for a body over 1 MiB', async () => {
      const raw = JSON.stringify(ticket({ description: 'x'.repeat(1024 * 1024) }));
      const result = await http.post('/tickets', undefined, {
        token,
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(result, 413);
    });

    it('should answer 415 for a body that is not JSON', async () => {
      const result = await http.post('/tickets', undefined, {
        token,
        raw: 'issue_type=critical',
        headers: { 'content-type': 'text/plain' },
      });
      expectProblem(result, 415);
    });
  });

  describe('GET /tickets', () => {
    const seed = async () => {
      const made: Record<string, number> = {};
      const specs: [string, object, number][] = [
        ['p3-old', { issue_type: 'minor', impact: 1, customer_type: 'free' }, 0],
        ['p1-old', { issue_type: 'critical', impact: 500, customer_type: 'enterprise' }, 1],
        ['p2', { issue_type: 'major', impact: 50, customer_type: 'paid' }, 2],
        ['p1-new', { issue_type: 'critical', impact: 500, customer_type: 'enterprise' }, 3],
        ['p1-13', { issue_type: 'critical', impact: 50, customer_type: 'enterprise' }, 4],
      ];
      for (const [name, body, minutes] of specs) {
        testApp.setNow(at(minutes * 60_000));
        made[name] = (await create({ ...body, title: name })).body.id;
      }
      testApp.setNow(at(10 * 60_000));
      return made;
    };
    const titles = (result: { body: { tickets: { title: string }[] } }) =>
      result.body.tickets.map((t) => t.title);

    it('should list the queue: highest score first, oldest first among equals', async () => {
      await seed();
      const result = await http.get('/tickets', { token });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ page: 1, limit: 10, total: 5 });
      expect(titles(result)).toEqual(['p1-old', 'p1-new', 'p1-13', 'p2', 'p3-old']);
      for (const item of result.body.tickets) {
        expect(item).toEqual(
          expect.objectContaining({
            priority_score: expect.any(Number),
            priority_level: expect.stringMatching(/^P[0-3]$/),
          }),
        );
      }
    });

    it('should paginate with page and limit, and give an empty page past the end', async () => {
      await seed();
      const pages = await Promise.all(
        [1, 2, 3, 4].map((page) => http.get(`/tickets?page=${page}&limit=2`, { token })),
      );
      expect(pages.map(titles)).toEqual([['p1-old', 'p1-new'], ['p1-13', 'p2'], ['p3-old'], []]);
      expect(pages.map((p) => p.body.total)).toEqual([5, 5, 5, 5]);
      expect(pages[3].body).toMatchObject({ page: 4, limit: 2 });
    });

    it('should sort by creation time both ways', async () => {
      await seed();
      expect(titles(await http.get('/tickets?sort=created_at', { token }))).toEqual([
        'p3-old',
        'p1-old',
        'p2',
        'p1-new',
        'p1-13',
      ]);
      expect(titles(await http.get('/tickets?sort=-created_at', { token }))).toEqual([
        'p1-13',
        'p1-new',
        'p2',
        'p1-old',
        'p3-old',
      ]);
    });

    it.each<[string, string[]]>([
      ['priority_level=P1', ['p1-old', 'p1-new', 'p1-13']],
      ['issue_type=major', ['p2']],
      ['customer_type=free', ['p3-old']],
      ['status=open&priority_level=P3', ['p3-old']],
      ['status=closed', []],
    ])('should filter by %s', async (filter, expected) => {
      await seed();
      const result = await http.get(`/tickets?${filter}`, { token });
      expect(titles(result)).toEqual(expected);
      expect(result.body.total).toBe(expected.length);
    });

    it.each([
      'limit=0',
      'limit=101',
      'limit=abc',
      'page=0',
      'page=-1',
      'page=1.5',
      'sort=score',
      'status=done',
      'priority_level=P9',
      'issue_type=x',
      'customer_type=x',
    ])('should answer 400 for %s', async (query) => {
      expectProblem(await http.get(`/tickets?${query}`, { token }), 400);
    });

    it('should default to page 1 and 10 per page', async () => {
      for (let i = 0; i < 12; i++) await create(ticket({ title: `t${i}` }));
      const result = await http.get('/tickets', { token });
      expect(result.body).toMatchObject({ page: 1, limit: 10, total: 12 });
      expect(result.body.tickets).toHaveLength(10);
    });
  });

  describe('GET /tickets/:id', () => {
    it('should explain the stored score as of when it was computed', async () => {
      testApp.setNow(at(-25 * HOUR));
      const created = await create(
        ticket({ issue_type: 'minor', customer_type: 'free', impact: 1 }),
      );
      testApp.setNow(T0);
      const result = await http.get(`/tickets/${created.body.id}`, { token });
      expect(result.status).toBe(200);
      expect(result.body.priority_score).toBe(
        result.body.breakdown.reduce((sum: number, f: { points: number }) => sum + f.points, 0),
      );
      expect(result.body.created_at).toBe(at(-25 * HOUR).toISOString());
    });

    it('should answer 404 for an unknown id and 400 for a malformed one', async () => {
      expectProblem(await http.get('/tickets/999999', { token }), 404);
      expectProblem(await http.get('/tickets/abc', { token }), 400);
      expectProblem(await http.get('/tickets/1.5', { token }), 400);
    });
  });
});
