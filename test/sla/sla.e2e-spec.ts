import { SlaCheckerService } from '../../apps/api/src/sla/sla-checker.service';
import { databaseKinds } from '../helpers/databases';
import { startTestApp } from '../helpers/test-app';
import { BERLIN_POLICY, MINUTE, policyFile, startSlaApp, type SlaApp } from './sla-app';

// major + paid + 50 users = 9 points: P2 (business calendar). critical + enterprise + 150 = 15: P1.
const P2 = { issue_type: 'major', impact: 50, customer_type: 'paid', title: 'Export fails' };
const P1 = { issue_type: 'critical', impact: 150, customer_type: 'enterprise', title: 'Down' };
const T0 = new Date('2026-12-01T10:00:00.000Z'); // a Tuesday
const at = (ms: number) => new Date(T0.getTime() + ms);
const iso = (date: Date) => date.toISOString();

describe.each(databaseKinds())('SLA on %s', (database) => {
  let s: SlaApp;

  beforeAll(async () => {
    s = await startSlaApp(database);
  });
  afterAll(() => s.testApp.close());
  beforeEach(async () => {
    await s.testApp.dataSource.query('DELETE FROM ticket_comments');
    await s.testApp.dataSource.query('DELETE FROM ticket_events');
    await s.testApp.dataSource.query('DELETE FROM tickets');
  });

  const create = async (body: object, now: Date) => {
    s.testApp.setNow(now);
    const created = await s.http.post('/tickets', body, { token: s.tokens.reporter });
    expect(created.status).toBe(201);
    return created.body.id as number;
  };
  const slaOf = async (id: number, now: Date) => {
    s.testApp.setNow(now);
    return (await s.http.get(`/tickets/${id}`, { token: s.tokens.agent })).body.sla;
  };
  const patch = (id: number, body: object, token = s.tokens.agent) =>
    s.http.request('PATCH', `/tickets/${id}`, body, { token });
  const slaEvents = async (id: number) =>
    (await s.http.get(`/tickets/${id}/events`, { token: s.tokens.agent })).body
      .filter((e: { type: string }) => e.type.startsWith('sla_'))
      .map((e: { type: string; data: object }) => ({ type: e.type, ...e.data }));

  it('should count a P2 created Friday 16:30 in Berlin in business minutes', async () => {
    const friday = new Date('2026-11-27T15:30:00.000Z');
    const id = await create(P2, friday);
    expect(await slaOf(id, new Date('2026-11-30T09:00:00.000Z'))).toEqual({
      level: 'P2',
      paused: false,
      first_response: {
        target_minutes: 240,
        due_at: '2026-11-30T11:30:00.000Z', // Monday 12:30 Berlin
        met_at: null,
        breached: false,
        at_risk: false,
        remaining_minutes: 150,
      },
      resolution: {
        target_minutes: 1440,
        due_at: '2026-12-02T15:30:00.000Z', // Wednesday 16:30 Berlin
        met_at: null,
        breached: false,
        at_risk: false,
        remaining_minutes: 1350,
      },
    });
  });

  it('should count imported tickets from their own created_at, on the 24x7 calendar too', async () => {
    s.testApp.setNow(T0);
    const created = at(-50 * MINUTE);
    const imported = await s.http.post(
      '/tickets/import',
      { tickets: [{ ...P1, created_at: iso(created) }] },
      { token: s.tokens.admin },
    );
    expect(imported.status).toBe(201);
    const [ticket] = imported.body.tickets;
    expect(ticket.sla.first_response).toEqual({
      target_minutes: 60,
      due_at: iso(at(10 * MINUTE)),
      met_at: null,
      breached: false,
      // 50 of the 60 minutes ran: past the 75 % warning.
      at_risk: true,
      remaining_minutes: 10,
    });
    expect((await slaOf(ticket.id, at(-10 * MINUTE))).first_response.at_risk).toBe(false);
    const late = await slaOf(ticket.id, at(11.5 * MINUTE));
    expect(late.first_response).toMatchObject({
      breached: true,
      at_risk: false,
      remaining_minutes: -1,
    });
    expect(late.resolution.at_risk).toBe(false);
    expect(late.resolution).toMatchObject({ due_at: iso(at(430 * MINUTE)), breached: false });
  });

  it('should meet the first response with an agent public comment only', async () => {
    const id = await create(P1, T0);
    s.testApp.setNow(at(5 * MINUTE));
    await s.http.post(
      `/tickets/${id}/comments`,
      { body: 'More details?' },
      { token: s.tokens.reporter },
    );
    await s.http.post(
      `/tickets/${id}/comments`,
      { body: 'note', internal: true },
      { token: s.tokens.agent },
    );
    expect((await slaOf(id, at(6 * MINUTE))).first_response.met_at).toBeNull();
    s.testApp.setNow(at(10 * MINUTE));
    await s.http.post(`/tickets/${id}/comments`, { body: 'On it' }, { token: s.tokens.agent });
    expect((await slaOf(id, at(90 * MINUTE))).first_response).toEqual({
      target_minutes: 60,
      due_at: iso(at(60 * MINUTE)),
      met_at: iso(at(10 * MINUTE)),
      breached: false,
      at_risk: false,
      remaining_minutes: null,
    });
  });

  it('should pause the resolution clock while pending and resume on the reporter reply', async () => {
    const id = await create(P1, T0);
    s.testApp.setNow(at(60 * MINUTE));
    expect((await patch(id, { status: 'pending' })).body.status).toBe('pending');
    const paused = await slaOf(id, at(180 * MINUTE));
    expect(paused.paused).toBe(true);
    expect(paused.resolution).toMatchObject({
      due_at: null,
      remaining_minutes: 420,
      breached: false,
    });
    s.testApp.setNow(at(180 * MINUTE));
    const reply = await s.http.post(
      `/tickets/${id}/comments`,
      { body: 'Here it is' },
      { token: s.tokens.reporter },
    );
    expect(reply.status).toBe(201);
    const ticket = (await s.http.get(`/tickets/${id}`, { token: s.tokens.agent })).body;
    expect(ticket.status).toBe('open');
    expect(ticket.sla.resolution).toMatchObject({
      due_at: iso(at(600 * MINUTE)),
      remaining_minutes: 420,
    });
    const history = (await s.http.get(`/tickets/${id}/events`, { token: s.tokens.agent })).body;
    expect(
      history.filter((e: { type: string }) => e.type === 'status_changed').at(-1),
    ).toMatchObject({
      actor: 'queue.reporter',
      data: { from: 'pending', to: 'open' },
    });
    expect((await slaOf(id, at(240 * MINUTE))).resolution.remaining_minutes).toBe(360);
  });

  it('should allow pending only from open or in progress, and back', async () => {
    const id = await create(P1, T0);
    expect((await patch(id, { status: 'pending' })).status).toBe(200);
    expect((await patch(id, { status: 'resolved' })).status).toBe(409);
    expect((await patch(id, { status: 'in_progress' })).status).toBe(200);
    expect((await patch(id, { status: 'pending' })).status).toBe(200);
    expect((await patch(id, { status: 'open' })).status).toBe(200);
  });

  it('should apply the new level from created_at: P2 raised to P0 after 20 minutes breaches at once', async () => {
    const id = await create(P2, T0);
    s.testApp.setNow(at(20 * MINUTE));
    const raised = await patch(id, {
      priority_override: { level: 'P0', reason: 'Payments are down for all' },
    });
    expect(raised.status).toBe(200);
    expect(raised.body.sla).toMatchObject({
      level: 'P0',
      first_response: {
        target_minutes: 15,
        due_at: iso(at(15 * MINUTE)),
        breached: true,
        remaining_minutes: -5,
      },
      resolution: { target_minutes: 240, due_at: iso(at(240 * MINUTE)), remaining_minutes: 220 },
    });
    expect(await s.check()).toBe(1);
    expect(await slaEvents(id)).toEqual([
      { type: 'sla_warning', metric: 'first_response', level: 'P0', due_at: iso(at(15 * MINUTE)) },
      { type: 'sla_breached', metric: 'first_response', level: 'P0', due_at: iso(at(15 * MINUTE)) },
    ]);
  });

  it('should record each warning and breach once per metric and level', async () => {
    const id = await create(P1, T0);
    s.testApp.setNow(at(44 * MINUTE));
    expect(await s.check()).toBe(0);
    s.testApp.setNow(at(45 * MINUTE));
    expect(await s.check()).toBe(1);
    expect(await s.check()).toBe(0);
    s.testApp.setNow(at(61 * MINUTE));
    await Promise.all([s.check(), s.check(), s.check()]);
    expect(await slaEvents(id)).toEqual([
      { type: 'sla_warning', metric: 'first_response', level: 'P1', due_at: iso(at(60 * MINUTE)) },
      { type: 'sla_breached', metric: 'first_response', level: 'P1', due_at: iso(at(60 * MINUTE)) },
    ]);
    const metrics = await s.http.get('/metrics');
    expect(metrics.text).toMatch(/sla_breaches_total\{metric="first_response",level="P1"\} 1/);
  });

  it('should filter by SLA state and sort by due instant with cursors', async () => {
    const breached = await create(P1, at(-70 * MINUTE)); // first response due 10 min ago
    const atRisk = await create(P1, at(-50 * MINUTE)); // warned at 45 min, due in 10
    const fresh = await create(P1, at(-5 * MINUTE)); // due in 55
    const answered = await create(P1, at(-20 * MINUTE));
    s.testApp.setNow(at(-19 * MINUTE));
    await s.http.post(`/tickets/${answered}/comments`, { body: 'Hi' }, { token: s.tokens.agent });
    s.testApp.setNow(T0);
    const ids = async (query: string) =>
      (await s.http.get(`/tickets?${query}`, { token: s.tokens.agent })).body.tickets.map(
        (t: { id: number }) => t.id,
      );
    expect(await ids('sla=breached')).toEqual([breached]);
    expect(await ids('sla=at_risk')).toEqual([atRisk]);
    expect((await ids('sla=ok')).sort()).toEqual([fresh, answered].sort());
    const page = await s.http.get('/tickets?sla=ok', { token: s.tokens.agent });
    expect(page.body.total).toBe(2);
    // First response due: breached (-10), atRisk (+10), fresh (+55); answered: resolution (+460).
    const walked: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/tickets?sort=sla_due&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const result = await s.http.get(query, { token: s.tokens.agent });
      walked.push(...result.body.tickets.map((t: { id: number }) => t.id));
      cursor = result.body.next_cursor;
    } while (cursor);
    expect(walked).toEqual([breached, atRisk, fresh, answered]);
  });

  it('should document the new query values in OpenAPI', async () => {
    const document = (await s.http.get('/docs-json')).body;
    const params = document.paths['/tickets'].get.parameters;
    const param = (name: string) => params.find((p: { name: string }) => p.name === name);
    expect(param('sla')).toMatchObject({ in: 'query', required: false });
    expect(param('sla').schema.enum).toEqual(['breached', 'at_risk', 'ok']);
    expect(param('sort').schema.enum).toContain('sla_due');
  });

  it('should refuse an unknown SLA filter', async () => {
    const result = await s.http.get('/tickets?sla=late', { token: s.tokens.agent });
    expect(result.status).toBe(400);
  });
});

// Several instances need a shared server: MySQL only (run with TEST_DATABASE_URL).
const onMysql = databaseKinds().includes('mysql') ? describe : describe.skip;

onMysql('SLA events with two instances on one MySQL database', () => {
  it('should record every breach exactly once', async () => {
    const s = await startSlaApp('mysql');
    const second = await startTestApp({
      database: s.testApp.database,
      env: {
        SLA_POLICY_FILE: policyFile(BERLIN_POLICY),
        SLA_CHECK_INTERVAL_MS: '0',
        AGING_INTERVAL_MS: '0',
      },
    });
    try {
      s.testApp.setNow(T0);
      for (let i = 0; i < 20; i++) await s.http.post('/tickets', P1, { token: s.tokens.reporter });
      const moment = at(61 * MINUTE);
      s.testApp.setNow(moment);
      second.setNow(moment);
      const other = second.app.get(SlaCheckerService);
      const won = await Promise.all([s.check(), other.checkDue(), s.check(), other.checkDue()]);
      expect(won.reduce((a, b) => a + b, 0)).toBe(20);
      const [row] = await s.testApp.dataSource.query(
        "SELECT COUNT(*) AS n FROM ticket_events WHERE type = 'sla_breached'",
      );
      expect(Number(row.n)).toBe(20);
    } finally {
      await second.stop();
      await s.testApp.close();
    }
  }, 60_000); // two app starts on a shared server
});
